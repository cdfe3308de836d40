/**
 * Spring wiring: configuration properties and the beans that assemble the core modules.
 */
@NullMarked
package io.ruche.server.config;

import org.jspecify.annotations.NullMarked;
