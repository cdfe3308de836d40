/**
 * Dynamic-k selection after a similarity search: how many of the best-scored items to
 * keep, with an explanation of the cut for the trace.
 */
@NullMarked
package io.ruche.brain.selection;

import org.jspecify.annotations.NullMarked;
