/**
 * Encryption of personal data at rest: AES-GCM under the platform's secret key, with a
 * key id in every sealed value so that keys can be rotated (docs/privacy.md).
 */
@NullMarked
package io.ruche.kernel.crypto;

import org.jspecify.annotations.NullMarked;
