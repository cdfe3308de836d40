/**
 * Framework adapters of core ports that are not stores: the Jackson JSON codec and the
 * JSON Schema validator of the Toolbox, and the local in-process embedding model. Shared
 * by the server and the benchmarks.
 */
@NullMarked
package io.ruche.adapters;

import org.jspecify.annotations.NullMarked;
