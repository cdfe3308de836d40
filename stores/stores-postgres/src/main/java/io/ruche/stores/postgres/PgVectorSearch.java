package io.ruche.stores.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.pgvector.PGvector;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.stores.jdbc.VectorSearch;

/** Ranks rows in the database with pgvector's cosine distance, served by HNSW indexes. */
final class PgVectorSearch implements VectorSearch {

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
		// pgvector 0.8 keeps scanning until enough rows pass the filters.
		jdbc.sql("SELECT set_config('hnsw.iterative_scan', 'strict_order', true)").query(String.class).single();
		return jdbc
			.sql("SELECT " + query.keyColumn() + " AS k, 1 - (embedding <=> ?) AS score FROM " + query.table()
					+ " WHERE " + query.where() + " ORDER BY embedding <=> ? LIMIT ?")
			.params(params)
			.query((rs, row) -> new ScoredKey(rs.getString("k"), rs.getDouble("score")))
			.list();
	}

}
