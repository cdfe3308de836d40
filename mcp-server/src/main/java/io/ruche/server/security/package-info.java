/**
 * Bearer API keys: issuing, hashing, authenticating, and the role each operation needs.
 */
@NullMarked
package io.ruche.server.security;

import org.jspecify.annotations.NullMarked;
