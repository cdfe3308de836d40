/**
 * Tools the platform itself provides ({@code kind: builtin}), run in-process by the
 * sandboxed runner.
 */
@NullMarked
package io.ruche.toolbox.builtin;

import org.jspecify.annotations.NullMarked;
