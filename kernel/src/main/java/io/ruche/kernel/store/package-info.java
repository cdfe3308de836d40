/**
 * The unchecked failures every store adapter translates its driver exceptions into.
 */
@NullMarked
package io.ruche.kernel.store;

import org.jspecify.annotations.NullMarked;
