/**
 * Editing an agent's configuration (agents, rules, scenarios) with the validation every
 * edge shares: MCP tools, the REST API and file import all go through
 * {@link io.ruche.brain.configuration.AgentConfiguration}.
 */
@NullMarked
package io.ruche.brain.configuration;

import org.jspecify.annotations.NullMarked;
