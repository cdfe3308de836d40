/**
 * Outbound ports of the Toolbox: its catalog, activations and the ledger of
 * side-effecting calls.
 */
@NullMarked
package io.ruche.toolbox.port;

import org.jspecify.annotations.NullMarked;
