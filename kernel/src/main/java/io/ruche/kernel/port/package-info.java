/**
 * Outbound ports of the platform itself (tenants, keys, audit, coordination across
 * instances), implemented by the store adapters.
 */
@NullMarked
package io.ruche.kernel.port;

import org.jspecify.annotations.NullMarked;
