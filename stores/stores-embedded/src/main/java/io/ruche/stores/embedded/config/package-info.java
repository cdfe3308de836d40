/**
 * Auto-configuration of the embedded backend, selected by
 * {@code platform.stores.backend=embedded} (the default).
 */
@NullMarked
package io.ruche.stores.embedded.config;

import org.jspecify.annotations.NullMarked;
