/**
 * The hybrid search implementation and its in-memory lexical index.
 */
@NullMarked
package io.ruche.toolbox.discovery.internal;

import org.jspecify.annotations.NullMarked;
