/**
 * A framework-free view of JSON values (maps, lists, strings, numbers, booleans, null)
 * for the core modules.
 */
@NullMarked
package io.ruche.kernel.json;

import org.jspecify.annotations.NullMarked;
