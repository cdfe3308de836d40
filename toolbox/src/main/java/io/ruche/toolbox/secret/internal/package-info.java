/**
 * AES-GCM implementation of the secret cipher.
 */
@NullMarked
package io.ruche.toolbox.secret.internal;

import org.jspecify.annotations.NullMarked;
