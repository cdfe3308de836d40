/**
 * The formulas of the selection strategies.
 */
@NullMarked
package io.ruche.brain.selection.internal;

import org.jspecify.annotations.NullMarked;
