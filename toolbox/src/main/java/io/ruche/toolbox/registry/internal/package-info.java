/**
 * The registry implementation, created through
 * {@link io.ruche.toolbox.ToolRegistry#create}.
 */
@NullMarked
package io.ruche.toolbox.registry.internal;

import org.jspecify.annotations.NullMarked;
