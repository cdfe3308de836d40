package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ruche.brain.model.Rule;
import io.ruche.brain.port.RuleStore;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.stores.jdbc.VectorSearch.ScoredKey;
import io.ruche.stores.jdbc.VectorSearch.VectorQuery;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rules in the table {@code rules}, every written version appended to
 * {@code rule_versions}. {@code live_name} is the name while the rule is live and null
 * once deleted, so that a unique index enforces unique live names on every database.
 */
final class JdbcRuleStore implements RuleStore {

	private static final String TABLE = "rules";

	private static final String COLUMNS = "tenant_id, agent_id, id, name, priority, enabled, content, version, deleted_at, updated_at";

	private final TenantTransactions tx;

	private final Json json;

	private final VectorSearch vectors;

	JdbcRuleStore(TenantTransactions tx, Json json, VectorSearch vectors) {
		this.tx = tx;
		this.json = json;
		this.vectors = vectors;
	}

	@Override
	public Rule save(Rule rule, Embedding conditionEmbedding) {
		Rule stored = new Rule(rule.tenant(), rule.agentId(), rule.id(), rule.name(), rule.content(), rule.priority(),
				rule.enabled(), rule.version() + 1, null, Rows.micros(rule.updatedAt()));
		String content = this.json.write(RuleContentBody.of(rule.content()));
		Object embedding = this.vectors.toParameter(conditionEmbedding);
		Rule result = this.tx.inTenant(rule.tenant(), (jdbc) -> {
			if (rule.version() == 0) {
				jdbc.sql("INSERT INTO rules (" + COLUMNS
						+ ", live_name, embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(Rows.withNulls(rule.tenant().value(), rule.agentId(), rule.id(), rule.name(),
							rule.priority(), rule.enabled(), content, stored.version(), null,
							Rows.ts(stored.updatedAt()), rule.name(), embedding))
					.update();
			}
			else {
				int updated = jdbc.sql("""
						UPDATE rules SET name = ?, live_name = ?, priority = ?, enabled = ?, content = ?, version = ?,
						updated_at = ?, embedding = ?
						WHERE tenant_id = ? AND agent_id = ? AND id = ? AND version = ? AND deleted_at IS NULL""")
					.params(rule.name(), rule.name(), rule.priority(), rule.enabled(), content, stored.version(),
							Rows.ts(stored.updatedAt()), embedding, rule.tenant().value(), rule.agentId(), rule.id(),
							rule.version())
					.update();
				if (updated == 0) {
					throw new StoreConflictException("rule " + rule.id()
							+ " was changed or deleted by someone else, or is unknown: read it again");
				}
			}
			appendVersion(jdbc, rule.tenant(), rule.id());
			return stored;
		});
		this.vectors.invalidate(TABLE, rule.tenant(), rule.agentId());
		return result;
	}

	private static void appendVersion(JdbcClient jdbc, TenantId tenant, String id) {
		jdbc.sql("INSERT INTO rule_versions (" + COLUMNS + ") SELECT " + COLUMNS
				+ " FROM rules WHERE tenant_id = ? AND id = ?")
			.params(tenant.value(), id)
			.update();
	}

	@Override
	public Optional<Rule> find(TenantId tenant, String agentId, String id) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc
					.sql("SELECT * FROM rules WHERE tenant_id = ? AND agent_id = ? AND id = ? AND deleted_at IS NULL")
					.params(tenant.value(), agentId, id)
					.query(this::map)
					.optional());
	}

	@Override
	public Optional<Rule> findByName(TenantId tenant, String agentId, String name) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc
					.sql("SELECT * FROM rules WHERE tenant_id = ? AND agent_id = ? AND name = ? AND deleted_at IS NULL")
					.params(tenant.value(), agentId, name)
					.query(this::map)
					.optional());
	}

	@Override
	public Page<Rule> list(TenantId tenant, String agentId, PageRequest request) {
		return this.tx.inTenant(tenant,
				(jdbc) -> Rows.page(jdbc.sql("""
						SELECT * FROM rules WHERE tenant_id = ? AND agent_id = ? AND deleted_at IS NULL
						ORDER BY priority DESC, name, id""" + Rows.limitOffset(request))
					.params(tenant.value(), agentId)
					.query(this::map)
					.list(), request));
	}

	@Override
	public List<Scored<Rule>> search(TenantId tenant, String agentId, Embedding query, int limit) {
		return this.tx.inTenant(tenant, (jdbc) -> {
			List<ScoredKey> keys = this.vectors.search(jdbc,
					new VectorQuery(TABLE, "id", tenant, agentId, true, query, limit));
			if (keys.isEmpty()) {
				return List.of();
			}
			Map<String, Rule> rules = jdbc
				.sql("SELECT * FROM rules WHERE tenant_id = :tenant AND agent_id = :agent AND id IN (:ids)"
						+ " AND deleted_at IS NULL")
				.param("tenant", tenant.value())
				.param("agent", agentId)
				.param("ids", Rows.map(keys, ScoredKey::key))
				.query(this::map)
				.list()
				.stream()
				.collect(Collectors.toMap(Rule::id, Function.identity()));
			List<Scored<Rule>> scored = new ArrayList<>();
			for (ScoredKey key : keys) {
				Rule rule = rules.get(key.key());
				if (rule != null) {
					scored.add(new Scored<>(rule, key.score()));
				}
			}
			return scored;
		});
	}

	@Override
	public List<EmbeddedRule> embedded(TenantId tenant, String agentId) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM rules WHERE tenant_id = ? AND agent_id = ? AND deleted_at IS NULL")
					.params(tenant.value(), agentId)
					.query((rs, row) -> new EmbeddedRule(map(rs, row), this.vectors.read(rs, "embedding")))
					.list());
	}

	@Override
	public boolean delete(TenantId tenant, String agentId, String id) {
		Instant now = Rows.micros(Instant.now());
		boolean deleted = this.tx.inTenant(tenant, (jdbc) -> {
			int updated = jdbc.sql("""
					UPDATE rules SET deleted_at = ?, live_name = NULL, version = version + 1, updated_at = ?
					WHERE tenant_id = ? AND agent_id = ? AND id = ? AND deleted_at IS NULL""")
				.params(Rows.ts(now), Rows.ts(now), tenant.value(), agentId, id)
				.update();
			if (updated > 0) {
				appendVersion(jdbc, tenant, id);
			}
			return updated > 0;
		});
		this.vectors.invalidate(TABLE, tenant, agentId);
		return deleted;
	}

	@Override
	public List<Rule> history(TenantId tenant, String agentId, String id) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc
					.sql("SELECT * FROM rule_versions WHERE tenant_id = ? AND agent_id = ? AND id = ? ORDER BY version")
					.params(tenant.value(), agentId, id)
					.query(this::map)
					.list());
	}

	private Rule map(ResultSet rs, int row) throws SQLException {
		return new Rule(Rows.tenant(rs), rs.getString("agent_id"), rs.getString("id"), rs.getString("name"),
				this.json.read(rs.getString("content"), RuleContentBody.class).toContent(), rs.getInt("priority"),
				rs.getBoolean("enabled"), rs.getLong("version"), Rows.nullableInstant(rs, "deleted_at"),
				Rows.instant(rs, "updated_at"));
	}

}
