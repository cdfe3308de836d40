/**
 * The REST edge: tenants, keys, and RFC 9457 problem details.
 */
@NullMarked
package io.ruche.server.api;

import org.jspecify.annotations.NullMarked;
