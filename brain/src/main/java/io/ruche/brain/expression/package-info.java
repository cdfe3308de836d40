/**
 * CEL expressions over a conversation: transition conditions and reply constraints,
 * checked when written and evaluated fail-safe at each turn.
 */
@NullMarked
package io.ruche.brain.expression;

import org.jspecify.annotations.NullMarked;
