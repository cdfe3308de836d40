package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.brain.model.Scenario;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import tools.jackson.core.type.TypeReference;

/**
 * Scenarios in the table {@code scenarios}: the flow as JSON, the entry-condition
 * embedding in {@code embedding}, the transition, step and exit-condition embeddings as
 * JSON.
 */
final class JdbcScenarioStore implements ScenarioStore {

	private static final TypeReference<Map<String, float[]>> VECTORS = new TypeReference<>() {
	};

	private final TenantTransactions tx;

	private final Json json;

	private final VectorSearch vectors;

	JdbcScenarioStore(TenantTransactions tx, Json json, VectorSearch vectors) {
		this.tx = tx;
		this.json = json;
		this.vectors = vectors;
	}

	@Override
	public Scenario save(Scenario scenario, ScenarioEmbeddings embeddings) {
		Scenario stored = new Scenario(scenario.tenant(), scenario.agentId(), scenario.id(), scenario.name(),
				scenario.description(), scenario.entryCondition(), scenario.entryStep(), scenario.steps(),
				scenario.exitConditions(), scenario.enabled(), scenario.version() + 1, null,
				Rows.micros(scenario.updatedAt()));
		String body = this.json.write(ScenarioBody.of(scenario));
		String transitionJson = this.json.write(vectors(embeddings.transitions()));
		String stepJson = this.json.write(vectors(embeddings.steps()));
		String exitJson = this.json.write(vectors(embeddings.exits()));
		Object entry = this.vectors.toParameter(embeddings.entry());
		return this.tx.inTenant(scenario.tenant(), (jdbc) -> {
			if (scenario.version() == 0) {
				jdbc.sql(
						"""
								INSERT INTO scenarios (tenant_id, agent_id, id, name, live_name, enabled, body, version, deleted_at,
								updated_at, embedding, transition_embeddings, step_embeddings, exit_embeddings)
								VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)""")
					.params(scenario.tenant().value(), scenario.agentId(), scenario.id(), scenario.name(),
							scenario.name(), scenario.enabled(), body, stored.version(), Rows.ts(stored.updatedAt()),
							entry, transitionJson, stepJson, exitJson)
					.update();
				return stored;
			}
			int updated = jdbc.sql("""
					UPDATE scenarios SET name = ?, live_name = ?, enabled = ?, body = ?, version = ?, updated_at = ?,
					embedding = ?, transition_embeddings = ?, step_embeddings = ?, exit_embeddings = ?
					WHERE tenant_id = ? AND agent_id = ? AND id = ? AND version = ? AND deleted_at IS NULL""")
				.params(scenario.name(), scenario.name(), scenario.enabled(), body, stored.version(),
						Rows.ts(stored.updatedAt()), entry, transitionJson, stepJson, exitJson,
						scenario.tenant().value(), scenario.agentId(), scenario.id(), scenario.version())
				.update();
			if (updated == 0) {
				throw new StoreConflictException("scenario " + scenario.id()
						+ " was changed or deleted by someone else, or is unknown: read it again");
			}
			return stored;
		});
	}

	@Override
	public Optional<Scenario> find(TenantId tenant, String agentId, String id) {
		return this.tx.inTenant(tenant, (jdbc) -> jdbc
			.sql("SELECT * FROM scenarios WHERE tenant_id = ? AND agent_id = ? AND id = ? AND deleted_at IS NULL")
			.params(tenant.value(), agentId, id)
			.query(this::map)
			.optional());
	}

	@Override
	public List<Scenario> list(TenantId tenant, String agentId) {
		return this.tx.inTenant(tenant, (jdbc) -> jdbc.sql(
				"SELECT * FROM scenarios WHERE tenant_id = ? AND agent_id = ? AND deleted_at IS NULL ORDER BY name, id")
			.params(tenant.value(), agentId)
			.query(this::map)
			.list());
	}

	@Override
	public List<EmbeddedScenario> embedded(TenantId tenant, String agentId) {
		return this.tx.inTenant(tenant, (jdbc) -> jdbc.sql(
				"SELECT * FROM scenarios WHERE tenant_id = ? AND agent_id = ? AND deleted_at IS NULL ORDER BY name, id")
			.params(tenant.value(), agentId)
			.query((rs, row) -> new EmbeddedScenario(map(rs, row), embeddings(rs)))
			.list());
	}

	private ScenarioEmbeddings embeddings(ResultSet rs) throws SQLException {
		return new ScenarioEmbeddings(this.vectors.read(rs, "embedding"), embeddings(rs, "transition_embeddings"),
				embeddings(rs, "step_embeddings"), embeddings(rs, "exit_embeddings"));
	}

	private Map<String, Embedding> embeddings(ResultSet rs, String column) throws SQLException {
		Map<String, Embedding> embeddings = new LinkedHashMap<>();
		this.json.read(rs.getString(column), VECTORS)
			.forEach((key, vector) -> embeddings.put(key, new Embedding(vector)));
		return embeddings;
	}

	private static Map<String, float[]> vectors(Map<String, Embedding> embeddings) {
		Map<String, float[]> vectors = new LinkedHashMap<>();
		embeddings.forEach((key, embedding) -> vectors.put(key, embedding.vector()));
		return vectors;
	}

	@Override
	public boolean delete(TenantId tenant, String agentId, String id) {
		Instant now = Rows.micros(Instant.now());
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("""
						UPDATE scenarios SET deleted_at = ?, live_name = NULL, version = version + 1, updated_at = ?
						WHERE tenant_id = ? AND agent_id = ? AND id = ? AND deleted_at IS NULL""")
					.params(Rows.ts(now), Rows.ts(now), tenant.value(), agentId, id)
					.update() > 0);
	}

	private Scenario map(ResultSet rs, int row) throws SQLException {
		ScenarioBody body = this.json.read(rs.getString("body"), ScenarioBody.class);
		return new Scenario(Rows.tenant(rs), rs.getString("agent_id"), rs.getString("id"), rs.getString("name"),
				body.description(), body.entryCondition(), body.entryStep(), body.toSteps(), body.toExitConditions(),
				rs.getBoolean("enabled"), rs.getLong("version"), Rows.nullableInstant(rs, "deleted_at"),
				Rows.instant(rs, "updated_at"));
	}

}
