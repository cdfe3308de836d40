/**
 * Registration of tools: validation, encrypted secrets, import of upstream MCP servers'
 * tools and per-agent activation.
 */
@NullMarked
package io.ruche.toolbox.registry;

import org.jspecify.annotations.NullMarked;
