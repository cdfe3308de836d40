/**
 * Embedding models: the local in-process default and adapters.
 */
@NullMarked
package io.ruche.server.embedding;

import org.jspecify.annotations.NullMarked;
