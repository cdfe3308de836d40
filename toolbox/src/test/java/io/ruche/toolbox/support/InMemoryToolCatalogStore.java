package io.ruche.toolbox.support;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.port.ToolCatalogStore;

/** An in-memory catalog with brute-force cosine search. */
public final class InMemoryToolCatalogStore implements ToolCatalogStore {

	private final Map<String, Stored> tools = new ConcurrentHashMap<>();

	@Override
	public synchronized ToolDefinition save(ToolDefinition tool, Embedding embedding) {
		long version = Optional.ofNullable(this.tools.get(key(tool.tenant(), tool.name())))
			.map((stored) -> stored.tool.version())
			.orElse(0L) + 1;
		ToolDefinition saved = new ToolDefinition(tool.tenant(), tool.name(), tool.description(), tool.inputSchema(),
				tool.outputSchema(), tool.kind(), tool.target(), tool.execution(), tool.secrets(), tool.annotations(),
				tool.source(), version, tool.updatedAt());
		this.tools.put(key(tool.tenant(), tool.name()), new Stored(saved, embedding));
		return saved;
	}

	@Override
	public Optional<ToolDefinition> find(TenantId tenant, String name) {
		return Optional.ofNullable(this.tools.get(key(tenant, name))).map(Stored::tool);
	}

	@Override
	public List<ToolDefinition> list(TenantId tenant) {
		return this.tools.values()
			.stream()
			.map(Stored::tool)
			.filter((tool) -> tool.tenant().equals(tenant))
			.sorted(Comparator.comparing(ToolDefinition::name))
			.toList();
	}

	@Override
	public List<Scored<ToolDefinition>> search(TenantId tenant, Embedding query, int limit) {
		return this.tools.values()
			.stream()
			.filter((stored) -> stored.tool.tenant().equals(tenant))
			.map((stored) -> new Scored<>(stored.tool, stored.embedding.cosine(query)))
			.sorted(Comparator.comparingDouble((Scored<ToolDefinition> s) -> s.score()).reversed())
			.limit(limit)
			.toList();
	}

	@Override
	public List<Scored<String>> searchNames(TenantId tenant, Embedding query, int limit) {
		return search(tenant, query, limit).stream().map((s) -> new Scored<>(s.item().name(), s.score())).toList();
	}

	@Override
	public boolean remove(TenantId tenant, String name) {
		return this.tools.remove(key(tenant, name)) != null;
	}

	private static String key(TenantId tenant, String name) {
		return tenant.value() + "/" + name;
	}

	private record Stored(ToolDefinition tool, Embedding embedding) {
	}

}
