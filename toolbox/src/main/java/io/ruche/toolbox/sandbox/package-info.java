/**
 * The sandboxed runner's API: invocation requests, confirmation, and the limits and
 * egress policy it enforces.
 */
@NullMarked
package io.ruche.toolbox.sandbox;

import org.jspecify.annotations.NullMarked;
