/**
 * The FOCAL brain: the turn pipeline that keeps an agent aligned with its rules and
 * scenarios.
 */
@NullMarked
package io.ruche.brain;

import org.jspecify.annotations.NullMarked;
