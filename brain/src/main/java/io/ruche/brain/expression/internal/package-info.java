/**
 * The cel-java implementation of {@link io.ruche.brain.expression.Expressions}.
 */
@NullMarked
package io.ruche.brain.expression.internal;

import org.jspecify.annotations.NullMarked;
