/**
 * Transport implementations, created through
 * {@link io.ruche.toolbox.transport.ToolTransports}.
 */
@NullMarked
package io.ruche.toolbox.transport.internal;

import org.jspecify.annotations.NullMarked;
