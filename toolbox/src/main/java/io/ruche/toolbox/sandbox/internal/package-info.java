/**
 * The runner implementation, created through {@link io.ruche.toolbox.ToolRunner#create}.
 */
@NullMarked
package io.ruche.toolbox.sandbox.internal;

import org.jspecify.annotations.NullMarked;
