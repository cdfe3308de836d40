/**
 * Egress: the one way out of Ruche to a tool's or an upstream MCP server's target. A
 * target is resolved once, every address is checked against the tenant's policy, and the
 * connection goes to a checked address, never to a second resolution.
 */
@NullMarked
package io.ruche.toolbox.egress;

import org.jspecify.annotations.NullMarked;
