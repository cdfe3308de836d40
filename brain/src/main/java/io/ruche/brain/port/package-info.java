/**
 * Outbound ports of the brain: the stores of its configuration and runtime state, and the
 * models it calls.
 */
@NullMarked
package io.ruche.brain.port;

import org.jspecify.annotations.NullMarked;
