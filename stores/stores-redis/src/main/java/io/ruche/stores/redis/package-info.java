/**
 * Coordination across instances with Redisson: session locks, rate limits and the change
 * broadcast.
 */
@NullMarked
package io.ruche.stores.redis;

import org.jspecify.annotations.NullMarked;
