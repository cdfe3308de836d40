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
		return jdbc
			.sql("SELECT " + query.keyColumn() + " AS k, 1 - (embedding <=> ?) AS score FROM " + query.table()
					+ " WHERE " + query.where() + " ORDER BY embedding <=> ? LIMIT ?")
			.params(params)
			.query((rs, row) -> new ScoredKey(rs.getString("k"), rs.getDouble("score")))
			.list();
	}

}
