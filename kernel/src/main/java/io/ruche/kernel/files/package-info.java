/**
 * Files that only their owner may read: the data directory and the secrets kept in it.
 */
@NullMarked
package io.ruche.kernel.files;

import org.jspecify.annotations.NullMarked;
