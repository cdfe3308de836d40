package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.stores.jdbc.VectorSearch.ScoredKey;
import io.ruche.stores.jdbc.VectorSearch.VectorQuery;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.port.ToolCatalogStore;

/** Tool definitions in {@code tools}, keyed by tenant and name, their details as JSON. */
final class JdbcToolCatalogStore implements ToolCatalogStore {

	private static final String TABLE = "tools";

	private final TenantTransactions tx;

	private final Json json;

	private final VectorSearch vectors;

	JdbcToolCatalogStore(TenantTransactions tx, Json json, VectorSearch vectors) {
		this.tx = tx;
		this.json = json;
		this.vectors = vectors;
	}

	@Override
	public ToolDefinition save(ToolDefinition tool, Embedding embedding) {
		String body = this.json.write(ToolBody.of(tool));
		Object vector = this.vectors.toParameter(embedding);
		ToolDefinition stored = this.tx.inTenant(tool.tenant(), (jdbc) -> {
			long version = jdbc.sql("SELECT version FROM tools WHERE tenant_id = ? AND name = ? FOR UPDATE")
				.params(tool.tenant().value(), tool.name())
				.query(Long.class)
				.optional()
				.orElse(0L) + 1;
			ToolDefinition next = withVersion(tool, version);
			if (version == 1) {
				jdbc.sql(
						"INSERT INTO tools (tenant_id, name, body, version, updated_at, embedding) VALUES (?, ?, ?, ?, ?, ?)")
					.params(tool.tenant().value(), tool.name(), body, version, Rows.ts(next.updatedAt()), vector)
					.update();
			}
			else {
				jdbc.sql(
						"UPDATE tools SET body = ?, version = ?, updated_at = ?, embedding = ? WHERE tenant_id = ? AND name = ?")
					.params(body, version, Rows.ts(next.updatedAt()), vector, tool.tenant().value(), tool.name())
					.update();
			}
			return next;
		});
		this.vectors.invalidate(TABLE, tool.tenant(), null);
		return stored;
	}

	private static ToolDefinition withVersion(ToolDefinition tool, long version) {
		return new ToolDefinition(tool.tenant(), tool.name(), tool.description(), tool.inputSchema(),
				tool.outputSchema(), tool.kind(), tool.target(), tool.execution(), tool.secrets(), tool.annotations(),
				tool.source(), version, Rows.micros(tool.updatedAt()));
	}

	@Override
	public Optional<ToolDefinition> find(TenantId tenant, String name) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM tools WHERE tenant_id = ? AND name = ?")
					.params(tenant.value(), name)
					.query(this::map)
					.optional());
	}

	@Override
	public List<ToolDefinition> list(TenantId tenant) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM tools WHERE tenant_id = ? ORDER BY name")
					.param(tenant.value())
					.query(this::map)
					.list());
	}

	@Override
	public List<Scored<String>> searchNames(TenantId tenant, Embedding query, int limit) {
		return this.tx.inTenant(tenant,
				(jdbc) -> this.vectors.search(jdbc, new VectorQuery(TABLE, "name", tenant, null, false, query, limit))
					.stream()
					.map((key) -> new Scored<>(key.key(), key.score()))
					.toList());
	}

	@Override
	public List<Scored<ToolDefinition>> search(TenantId tenant, Embedding query, int limit) {
		return this.tx.inTenant(tenant, (jdbc) -> {
			List<ScoredKey> keys = this.vectors.search(jdbc,
					new VectorQuery(TABLE, "name", tenant, null, false, query, limit));
			if (keys.isEmpty()) {
				return List.of();
			}
			Map<String, ToolDefinition> tools = jdbc
				.sql("SELECT * FROM tools WHERE tenant_id = :tenant AND name IN (:names)")
				.param("tenant", tenant.value())
				.param("names", Rows.map(keys, ScoredKey::key))
				.query(this::map)
				.list()
				.stream()
				.collect(Collectors.toMap(ToolDefinition::name, Function.identity()));
			List<Scored<ToolDefinition>> scored = new ArrayList<>();
			for (ScoredKey key : keys) {
				ToolDefinition tool = tools.get(key.key());
				if (tool != null) {
					scored.add(new Scored<>(tool, key.score()));
				}
			}
			return scored;
		});
	}

	@Override
	public boolean remove(TenantId tenant, String name) {
		boolean removed = this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("DELETE FROM tools WHERE tenant_id = ? AND name = ?")
					.params(tenant.value(), name)
					.update() > 0);
		this.vectors.invalidate(TABLE, tenant, null);
		return removed;
	}

	private ToolDefinition map(ResultSet rs, int row) throws SQLException {
		ToolBody body = this.json.read(rs.getString("body"), ToolBody.class);
		return new ToolDefinition(Rows.tenant(rs), rs.getString("name"), body.description(), body.inputSchema(),
				body.outputSchema(), ToolKind.valueOf(body.kind()), body.target(), body.toExecution(), body.secrets(),
				body.annotations(), body.source(), rs.getLong("version"), Rows.instant(rs, "updated_at"));
	}

}
