/**
 * Encryption of the secrets a tenant attaches to a tool (header values), so that they are
 * stored encrypted and never returned.
 */
@NullMarked
package io.ruche.toolbox.secret;

import org.jspecify.annotations.NullMarked;
