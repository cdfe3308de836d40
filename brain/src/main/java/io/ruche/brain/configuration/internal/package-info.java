/**
 * The implementation of agent configuration editing.
 */
@NullMarked
package io.ruche.brain.configuration.internal;

import org.jspecify.annotations.NullMarked;
