package io.ruche.toolbox.registry;

import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.toolbox.builtin.BuiltinTools;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.port.SchemaValidator;
import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.port.UpstreamTools;
import io.ruche.toolbox.secret.SecretCipher;

/**
 * What the tool registry needs from the rest of the platform.
 *
 * @param catalog the tenant catalogs
 * @param activations per-agent activations
 * @param embeddings embeds {@code name: description} for discovery
 * @param schemas checks the JSON Schemas
 * @param upstream lists the tools of upstream MCP servers
 * @param cipher encrypts secret headers
 * @param broadcast announces changes (kind {@code tool}) to every instance
 * @param builtins the built-in tools a {@code builtin} registration may name
 * @param locks serialises the imports of one MCP server registration across instances
 * @param audit records every change of a catalog or of an activation
 * @param egress checks and routes every connection to an upstream MCP server
 */
public record RegistryDependencies(ToolCatalogStore catalog, ToolActivationStore activations, EmbeddingModel embeddings,
		SchemaValidator schemas, UpstreamTools upstream, SecretCipher cipher, ChangeBroadcast broadcast,
		BuiltinTools builtins, SessionLocks locks, AuditLog audit, Egress egress) {
}
