/**
 * Auto-configuration of the PostgreSQL backend, selected by
 * {@code platform.stores.backend=postgres}.
 */
@NullMarked
package io.ruche.stores.postgres.config;

import org.jspecify.annotations.NullMarked;
