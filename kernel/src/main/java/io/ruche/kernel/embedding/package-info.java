/**
 * Embedding vectors, the port to the model that computes them, and similarity arithmetic.
 */
@NullMarked
package io.ruche.kernel.embedding;

import org.jspecify.annotations.NullMarked;
