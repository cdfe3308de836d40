package io.ruche.stores.jdbc;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.TenantId;

/**
 * Stores embeddings as binary columns and ranks them in this process, caching the
 * candidate vectors of each table, tenant and agent until the next write.
 */
public final class InProcessVectorSearch implements VectorSearch {

	private final Map<String, List<Candidate>> cache = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

	@Override
	public Object toParameter(Embedding embedding) {
		float[] vector = embedding.vector();
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
		for (float v : vector) {
			buffer.putFloat(v);
		}
		return buffer.array();
	}

	@Override
	public Embedding read(ResultSet rs, String column) throws SQLException {
		return decode(rs.getBytes(column));
	}

	private static Embedding decode(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		float[] vector = new float[bytes.length / Float.BYTES];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = buffer.getFloat();
		}
		return new Embedding(vector);
	}

	@Override
	public List<ScoredKey> search(JdbcClient jdbc, VectorQuery query) {
		List<ScoredKey> scored = new ArrayList<>();
		for (Candidate candidate : candidates(jdbc, query)) {
			scored.add(new ScoredKey(candidate.key(), candidate.embedding().cosine(query.embedding())));
		}
		scored.sort(Comparator.comparingDouble(ScoredKey::score).reversed().thenComparing(ScoredKey::key));
		return List.copyOf(scored.subList(0, Math.min(query.limit(), scored.size())));
	}

	private List<Candidate> candidates(JdbcClient jdbc, VectorQuery query) {
		String cacheKey = cacheKey(query.table(), query.tenant(), query.agentId());
		List<Candidate> cached = this.cache.get(cacheKey);
		if (cached != null) {
			return cached;
		}
		long generation = generation(cacheKey).get();
		List<Candidate> loaded = jdbc
			.sql("SELECT " + query.keyColumn() + " AS k, embedding FROM " + query.table() + " WHERE " + query.where())
			.params(query.parameters())
			.query((rs, row) -> new Candidate(rs.getString("k"), decode(rs.getBytes("embedding"))))
			.list();
		List<Candidate> candidates = List.copyOf(loaded);
		// Cache only when no write committed meanwhile: a load racing a write may be
		// stale.
		synchronized (this) {
			if (generation(cacheKey).get() == generation) {
				this.cache.put(cacheKey, candidates);
			}
		}
		return candidates;
	}

	@Override
	public void invalidate(String table, TenantId tenant, @Nullable String agentId) {
		String cacheKey = cacheKey(table, tenant, agentId);
		synchronized (this) {
			generation(cacheKey).incrementAndGet();
			this.cache.remove(cacheKey);
		}
	}

	private AtomicLong generation(String cacheKey) {
		return this.generations.computeIfAbsent(cacheKey, (k) -> new AtomicLong());
	}

	private static String cacheKey(String table, TenantId tenant, @Nullable String agentId) {
		return table + "|" + tenant.value() + "|" + ((agentId != null) ? agentId : "*");
	}

	private record Candidate(String key, Embedding embedding) {
	}

}
