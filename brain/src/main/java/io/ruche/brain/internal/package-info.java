/**
 * The turn pipeline: its phases, the agent snapshot cache and the persistence of turns.
 */
@NullMarked
package io.ruche.brain.internal;

import org.jspecify.annotations.NullMarked;
