/**
 * HTTP input plumbing shared by the MCP and REST endpoints: request bodies read once,
 * within a size limit, before the code that parses them.
 */
@NullMarked
package io.ruche.server.http;

import org.jspecify.annotations.NullMarked;
