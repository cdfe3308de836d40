/**
 * Auto-configuration of the Redis coordination, active with the PostgreSQL backend.
 */
@NullMarked
package io.ruche.stores.redis.config;

import org.jspecify.annotations.NullMarked;
