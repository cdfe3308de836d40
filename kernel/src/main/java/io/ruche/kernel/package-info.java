/**
 * Values and ports shared by every Ruche module: tenancy, ids, embeddings, paging, store
 * failures and the coordination ports that make several instances behave as one.
 */
@NullMarked
package io.ruche.kernel;

import org.jspecify.annotations.NullMarked;
