package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How embeddings are stored in a column and how rows are ranked by cosine similarity: in
 * the database (pgvector) or in this process.
 */
public interface VectorSearch {

	/**
	 * Converts an embedding to the JDBC parameter of the {@code embedding} column.
	 * @param embedding the embedding
	 * @return the parameter value
	 */
	Object toParameter(Embedding embedding);

	/**
	 * Reads an embedding column.
	 * @param rs the result set, on the current row
	 * @param column the column label
	 * @return the embedding
	 * @throws SQLException when the column cannot be read
	 */
	Embedding read(ResultSet rs, String column) throws SQLException;

	/**
	 * Ranks the rows of a table by similarity of their {@code embedding} column.
	 * @param jdbc the client of the current, tenant-bound transaction
	 * @param query what to rank
	 * @return the best keys, highest score first
	 */
	List<ScoredKey> search(JdbcClient jdbc, VectorQuery query);

	/**
	 * Forgets what is cached about the rows of a table for a tenant and agent; called
	 * after every committed write.
	 * @param table the table
	 * @param tenant the tenant
	 * @param agentId the agent, or null for tenant-wide tables
	 */
	default void invalidate(String table, TenantId tenant, @Nullable String agentId) {
	}

	/**
	 * A similarity query over one table.
	 *
	 * @param table the table, which has {@code tenant_id} and {@code embedding} columns
	 * @param keyColumn the column identifying a row within the tenant
	 * @param tenant the tenant
	 * @param agentId filters on {@code agent_id} when not null
	 * @param liveOnly filters on {@code deleted_at is null} when true
	 * @param embedding the query embedding
	 * @param limit the maximum number of results
	 */
	record VectorQuery(String table, String keyColumn, TenantId tenant, @Nullable String agentId, boolean liveOnly,
			Embedding embedding, int limit) {

		/**
		 * The SQL condition selecting the candidate rows, with positional parameters
		 * given by {@link #parameters()}.
		 * @return the condition
		 */
		public String where() {
			return "tenant_id = ?" + ((this.agentId != null) ? " AND agent_id = ?" : "")
					+ (this.liveOnly ? " AND deleted_at IS NULL" : "");
		}

		/**
		 * The parameters of {@link #where()}.
		 * @return the parameters
		 */
		public List<Object> parameters() {
			return (this.agentId != null) ? List.of(this.tenant.value(), this.agentId) : List.of(this.tenant.value());
		}

	}

	/**
	 * A row key with its similarity.
	 *
	 * @param key the row key
	 * @param score the cosine similarity
	 */
	record ScoredKey(String key, double score) {
	}

}
