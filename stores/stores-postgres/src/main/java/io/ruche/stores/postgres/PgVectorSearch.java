package io.ruche.stores.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.pgvector.PGvector;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.stores.jdbc.VectorSearch;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Ranks rows in the database with pgvector's cosine distance, served by HNSW indexes. */
final class PgVectorSearch implements VectorSearch {

	private static final int DEFAULT_EF_SEARCH = 40;

	private static final int MAX_EF_SEARCH = 1000;

	@Override
	public Object toParameter(Embedding embedding) {
		return new PGvector(embedding.vector());
	}

	@Override
	public Embedding read(ResultSet rs, String column) throws SQLException {
		return new Embedding(new PGvector(rs.getString(column)).toArray());
	}

	@Override
	public List<ScoredKey> search(JdbcClient jdbc, VectorQuery query) {
		PGvector vector = new PGvector(query.embedding().vector());
		List<Object> params = new ArrayList<>();
		params.add(vector);
		params.addAll(query.parameters());
		params.add(vector);
		params.add(query.limit());
		// With tenant and agent filters, a plain HNSW scan may stop short of the limit;
		// pgvector 0.8 keeps scanning until enough rows pass the filters. A search list
		// (ef_search, default 40) at least as long as the limit fills the limit in the
		// first pass: with a shorter one every query of 50 paid for a second pass (about
		// twice the index pages read). Both settings last for this transaction, in one
		// round trip.
		jdbc.sql(
				"SELECT set_config('hnsw.iterative_scan', 'strict_order', true), set_config('hnsw.ef_search', ?, true)")
			.param(Integer.toString(Math.min(MAX_EF_SEARCH, Math.max(DEFAULT_EF_SEARCH, query.limit()))))
			.query((rs, row) -> rs.getString(1))
			.single();
		return jdbc
			.sql("SELECT " + query.keyColumn() + " AS k, 1 - (embedding <=> ?) AS score FROM " + query.table()
					+ " WHERE " + query.where() + " ORDER BY embedding <=> ? LIMIT ?")
			.params(params)
			.query((rs, row) -> new ScoredKey(rs.getString("k"), rs.getDouble("score")))
			.list();
	}

}
