/**
 * The JSON wire format of the MCP and REST edges, each shape defined once: per resource,
 * one class holds its schema, its writer and its reader. No MCP SDK and no Spring web
 * here, so that both edges use it alike.
 */
@NullMarked
package io.ruche.server.wire;

import org.jspecify.annotations.NullMarked;
