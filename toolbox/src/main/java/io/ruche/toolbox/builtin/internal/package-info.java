/**
 * The standard built-in tools.
 */
@NullMarked
package io.ruche.toolbox.builtin.internal;

import org.jspecify.annotations.NullMarked;
