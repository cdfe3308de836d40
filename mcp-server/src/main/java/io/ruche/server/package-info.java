/**
 * The Ruche server application: the composition root that wires the brain, the toolbox
 * and the stores and serves them over MCP and REST.
 */
@NullMarked
package io.ruche.server;

import org.jspecify.annotations.NullMarked;
