/**
 * The enforcer and the model judge.
 */
@NullMarked
package io.ruche.brain.enforce.internal;

import org.jspecify.annotations.NullMarked;
