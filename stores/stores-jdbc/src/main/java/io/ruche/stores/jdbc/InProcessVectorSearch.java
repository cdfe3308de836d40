package io.ruche.stores.jdbc;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores embeddings as binary columns and ranks them in this process, caching the
 * candidate vectors of each table, tenant and agent until the next write.
 */
public final class InProcessVectorSearch implements VectorSearch {

	private static final Comparator<ScoredKey> WORST_FIRST = Comparator.comparingDouble(ScoredKey::score)
		.thenComparing(ScoredKey::key, Comparator.reverseOrder());

	private final Map<String, Candidates> cache = new ConcurrentHashMap<>();

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
		Candidates candidates = candidates(jdbc, query);
		float[] target = query.embedding().vector();
		int limit = Math.min(query.limit(), candidates.size());
		if (limit <= 0) {
			return List.of();
		}
		if (target.length != candidates.dimensions()) {
			throw new IllegalArgumentException(
					"dimension mismatch: " + target.length + " vs " + candidates.dimensions());
		}
		// Keeps the best `limit` in a small min-heap rather than sorting every candidate.
		PriorityQueue<ScoredKey> best = new PriorityQueue<>(limit + 1, WORST_FIRST);
		for (int i = 0; i < candidates.size(); i++) {
			ScoredKey scored = new ScoredKey(candidates.keys()[i], candidates.dot(i, target));
			if (best.size() < limit) {
				best.add(scored);
			}
			else if (WORST_FIRST.compare(scored, best.peek()) > 0) {
				best.poll();
				best.add(scored);
			}
		}
		List<ScoredKey> ranked = new ArrayList<>(best);
		ranked.sort(WORST_FIRST.reversed());
		return List.copyOf(ranked);
	}

	private Candidates candidates(JdbcClient jdbc, VectorQuery query) {
		String cacheKey = cacheKey(query.table(), query.tenant(), query.agentId());
		Candidates cached = this.cache.get(cacheKey);
		if (cached != null) {
			return cached;
		}
		long generation = generation(cacheKey).get();
		List<String> keys = new ArrayList<>();
		List<byte[]> vectors = new ArrayList<>();
		jdbc.sql("SELECT " + query.keyColumn() + " AS k, embedding FROM " + query.table() + " WHERE " + query.where())
			.params(query.parameters())
			.query((rs) -> {
				keys.add(rs.getString("k"));
				vectors.add(rs.getBytes("embedding"));
			});
		Candidates candidates = Candidates.of(keys, vectors);
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
		forget(cacheKey);
		// Inside a wider transaction (a configuration change), the write commits later: a
		// load meanwhile would cache the rows as they were, so forget them again then.
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					forget(cacheKey);
				}

			});
		}
	}

	private void forget(String cacheKey) {
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

	/**
	 * The vectors of one table, tenant and agent in one flat array, which the JIT can
	 * scan quickly.
	 */
	private record Candidates(String[] keys, float[] flat, int dimensions) {

		static Candidates of(List<String> keys, List<byte[]> vectors) {
			int dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length / Float.BYTES;
			float[] flat = new float[keys.size() * dimensions];
			for (int i = 0; i < vectors.size(); i++) {
				ByteBuffer.wrap(vectors.get(i)).asFloatBuffer().get(flat, i * dimensions, dimensions);
			}
			return new Candidates(keys.toArray(String[]::new), flat, dimensions);
		}

		int size() {
			return this.keys.length;
		}

		// Eight independent sums: the JIT keeps one running float sum in order (it may
		// not reorder float additions), so a single sum waits on every addition; eight
		// halve the time of a 10k x 384 scan.
		double dot(int index, float[] target) {
			float[] flat = this.flat;
			int offset = index * this.dimensions;
			int d = 0;
			float s0 = 0;
			float s1 = 0;
			float s2 = 0;
			float s3 = 0;
			float s4 = 0;
			float s5 = 0;
			float s6 = 0;
			float s7 = 0;
			for (; d + 7 < this.dimensions; d += 8) {
				int at = offset + d;
				s0 += flat[at] * target[d];
				s1 += flat[at + 1] * target[d + 1];
				s2 += flat[at + 2] * target[d + 2];
				s3 += flat[at + 3] * target[d + 3];
				s4 += flat[at + 4] * target[d + 4];
				s5 += flat[at + 5] * target[d + 5];
				s6 += flat[at + 6] * target[d + 6];
				s7 += flat[at + 7] * target[d + 7];
			}
			for (; d < this.dimensions; d++) {
				s0 += flat[offset + d] * target[d];
			}
			return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
		}

	}

}
