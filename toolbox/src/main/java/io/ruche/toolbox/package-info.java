/**
 * The Toolbox: tools registered by agent builders, discovered by meaning and run in a
 * sandboxed runner.
 */
@NullMarked
package io.ruche.toolbox;

import org.jspecify.annotations.NullMarked;
