package io.ruche.bench.toolbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ruche.adapters.LocalMiniLmEmbeddingModel;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.model.TenantId;
import io.ruche.stores.embedded.EmbeddedStores;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.stores.postgres.PostgresStores;
import io.ruche.testkit.fakes.FakeEmbeddingModel;
import io.ruche.testkit.services.LocalServices;
import io.ruche.toolbox.ToolSearch;
import io.ruche.toolbox.discovery.SearchToolsRequest;
import io.ruche.toolbox.discovery.SearchWeights;
import io.ruche.toolbox.discovery.ToolHit;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.registry.ActivationPolicy;

/**
 * {@code tools_search} latency: {@link ToolSearch#search} end to end over a catalog of
 * {@code tools} tools, on the embedded store (H2 + in-process vectors) or on PostgreSQL +
 * pgvector (HNSW). The catalog is embedded with the hashing fake (fast to fill); queries
 * are embedded with the real local model (all-MiniLM-L6-v2), either in the timed call
 * ("with embedding", what the MCP contract's search does) or beforehand ("embedding
 * excluded"). With the embedding in the call, two figures: queries never searched before
 * ("distinct", the honest one) and 20 queries in rotation ("repeated": their embeddings
 * are among the search's recent ones).
 *
 * <pre>
 * SearchBench embedded|pgvector tools warmup iterations [schema] [fresh]
 * </pre>
 */
public final class SearchBench {

	private static final TenantId TENANT = new TenantId("bench");

	private SearchBench() {
	}

	public static void main(String[] args) {
		BenchMain.run(args, SearchBench::bench);
	}

	private static void bench(String[] args) throws Exception {
		String backend = args[0];
		int tools = Integer.parseInt(args[1]);
		int warmup = Integer.parseInt(args[2]);
		int iterations = Integer.parseInt(args[3]);
		String schema = (args.length > 4) ? args[4] : "bench_toolbox";
		boolean fresh = args.length > 5 && Boolean.parseBoolean(args[5]);
		System.out.printf(Locale.ROOT, "machine: %d cores (availableProcessors), java %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version());
		HikariDataSource dataSource;
		JdbcStores stores;
		Path dataDir = null;
		if ("embedded".equals(backend)) {
			dataDir = Files.createTempDirectory("ruche-bench-h2");
			dataSource = EmbeddedStores.dataSource(dataDir);
			EmbeddedStores.migrate(dataSource);
			stores = EmbeddedStores.jdbcStores(dataSource);
			load(stores.toolCatalog(), tools, 4);
		}
		else if ("pgvector".equals(backend)) {
			dataSource = pgDataSource(schema);
			if (fresh || countTools(dataSource, schema) != tools) {
				execute(dataSource, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
				PostgresStores.flyway(dataSource, 384, PostgresStores.DEFAULT_RLS_ROLE)
					.schemas(schema)
					.load()
					.migrate();
				stores = PostgresStores.jdbcStores(dataSource, PostgresStores.DEFAULT_RLS_ROLE);
				// the HNSW index is built once after the bulk load: much faster than row
				// by row
				execute(dataSource, "DROP INDEX " + schema + ".tools_embedding");
				load(stores.toolCatalog(), tools, 8);
				long start = System.nanoTime();
				execute(dataSource, "SET maintenance_work_mem = '1GB'; CREATE INDEX tools_embedding ON " + schema
						+ ".tools USING hnsw (embedding vector_cosine_ops); ANALYZE " + schema + ".tools");
				System.out.printf(Locale.ROOT, "HNSW index built in %.1f s%n", (System.nanoTime() - start) / 1e9);
			}
			else {
				stores = PostgresStores.jdbcStores(dataSource, PostgresStores.DEFAULT_RLS_ROLE);
				System.out.printf("reusing schema %s (%d tools already loaded)%n", schema, tools);
			}
			System.out.println("index: " + query(dataSource, "SELECT indexdef FROM pg_indexes WHERE schemaname = '"
					+ schema + "' AND indexname = 'tools_embedding'"));
		}
		else {
			throw new IllegalArgumentException("backend must be embedded or pgvector");
		}
		try {
			run(backend, stores, tools, warmup, iterations);
		}
		finally {
			dataSource.close();
			if (dataDir != null) {
				try (var files = Files.walk(dataDir)) {
					files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
				}
			}
		}
	}

	private static void run(String backend, JdbcStores stores, int tools, int warmup, int iterations) {
		EmbeddingModel model = new LocalMiniLmEmbeddingModel();
		List<String> queries = Catalog.QUERIES;
		List<String> distinct = Catalog.distinctQueries(iterations);
		Map<String, Embedding> precomputed = new HashMap<>();
		long embedStart = System.nanoTime();
		for (String query : queries) {
			precomputed.put(query, model.embed(query));
		}
		for (String query : distinct) {
			precomputed.put(query, model.embed(query));
		}
		System.out.printf(Locale.ROOT, "precomputed the embeddings of %d queries in %.1f s%n", precomputed.size(),
				(System.nanoTime() - embedStart) / 1e9);
		EmbeddingModel cached = new EmbeddingModel() {

			@Override
			public Embedding embed(String text) {
				return precomputed.get(text);
			}

			@Override
			public int dimensions() {
				return 384;
			}

			@Override
			public String name() {
				return "precomputed";
			}

		};
		ToolSearch withModel = ToolSearch.create(stores.toolCatalog(), stores.toolActivations(), model,
				EmbeddedStores.changeBroadcast(), SearchWeights.DEFAULTS, ActivationPolicy.OPT_IN);
		ToolSearch withoutModel = ToolSearch.create(stores.toolCatalog(), stores.toolActivations(), cached,
				EmbeddedStores.changeBroadcast(), SearchWeights.DEFAULTS, ActivationPolicy.OPT_IN);
		long start = System.nanoTime();
		List<ToolHit> first = withoutModel.search(new SearchToolsRequest(TENANT, queries.get(0), 10, null));
		System.out.printf(Locale.ROOT,
				"first search (cold: builds the lexical index of %d tools, loads caches): %.1f ms%n", tools,
				(System.nanoTime() - start) / 1e6);
		withModel.search(new SearchToolsRequest(TENANT, queries.get(0), 10, null));
		System.out.println("top hits for '" + queries.get(0) + "':");
		first.stream()
			.limit(3)
			.forEach((hit) -> System.out.printf(Locale.ROOT, "  %s (lexical %.2f, semantic %.2f)%n", hit.name(),
					hit.score().lexical(), hit.score().semantic()));
		ToolCatalogStore catalog = stores.toolCatalog();
		// The warm-up uses the 20 base queries only: the distinct ones are first seen in
		// the measured loop, so their embeddings are never among the search's recent
		// ones.
		for (int i = 0; i < warmup; i++) {
			String query = queries.get(i % queries.size());
			withoutModel.search(new SearchToolsRequest(TENANT, query, 10, null));
			withModel.search(new SearchToolsRequest(TENANT, query, 10, null));
			model.embed(query);
			catalog.search(TENANT, precomputed.get(query), 50);
		}
		long[] excluded = new long[iterations];
		long[] included = new long[iterations];
		long[] repeated = new long[iterations];
		long[] embedOnly = new long[iterations];
		long[] vectorOnly = new long[iterations];
		for (int i = 0; i < iterations; i++) {
			String query = distinct.get(i);
			SearchToolsRequest request = new SearchToolsRequest(TENANT, query, 10, null);
			SearchToolsRequest again = new SearchToolsRequest(TENANT, queries.get(i % queries.size()), 10, null);
			// alternate the order so that neither variant always runs on warmer caches
			if (i % 2 == 0) {
				excluded[i] = time(() -> withoutModel.search(request));
				included[i] = time(() -> withModel.search(request));
				repeated[i] = time(() -> withModel.search(again));
			}
			else {
				repeated[i] = time(() -> withModel.search(again));
				included[i] = time(() -> withModel.search(request));
				excluded[i] = time(() -> withoutModel.search(request));
			}
			embedOnly[i] = time(() -> model.embed(query));
			vectorOnly[i] = time(() -> catalog.search(TENANT, precomputed.get(query), 50));
		}
		System.out.printf(Locale.ROOT, "RESULT %s tools=%d warmup=%d (x4 calls) iterations=%d limit=10 pool=%d%n",
				backend, tools, warmup, iterations, SearchWeights.DEFAULTS.candidatePool());
		System.out.println("  search, query embedding included, distinct queries: " + new Stats(included).line());
		System.out.println("  search, query embedding included, repeated queries: " + new Stats(repeated).line());
		System.out.println("  search, query embedding excluded (precomputed):     " + new Stats(excluded).line());
		System.out.println("  embedding of the query alone:                       " + new Stats(embedOnly).line());
		System.out.println("  catalog.search alone (vector 50 + rows):            " + new Stats(vectorOnly).line());
	}

	private static long time(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

	private static void load(ToolCatalogStore catalog, int tools, int threads) throws Exception {
		FakeEmbeddingModel fake = new FakeEmbeddingModel();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				futures.add(pool.submit(() -> {
					for (int i = offset; i < tools; i += threads) {
						ToolDefinition tool = Catalog.tool(TENANT, i);
						catalog.save(tool,
								fake.embed(tool.name().replace('.', ' ').replace('_', ' ') + " " + tool.description()));
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		System.out.printf(Locale.ROOT, "loaded %d tools through ToolCatalogStore.save in %.1f s (%d threads)%n", tools,
				(System.nanoTime() - start) / 1e9, threads);
	}

	private static HikariDataSource pgDataSource(String schema) {
		LocalServices services = LocalServices.fromEnvironment();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(services.pgUrl() + (services.pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema
				+ ",public");
		config.setUsername(services.pgUser());
		config.setPassword(services.pgPassword());
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}

	private static long countTools(DataSource dataSource, String schema) {
		try {
			String exists = query(dataSource, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
					+ schema + "' AND table_name = 'tools'");
			if ("0".equals(exists)) {
				return -1;
			}
			String indexed = query(dataSource, "SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema
					+ "' AND indexname = 'tools_embedding'");
			return "1".equals(indexed)
					? Long.parseLong(query(dataSource,
							"SELECT count(*) FROM " + schema + ".tools WHERE tenant_id = '" + TENANT.value() + "'"))
					: -1;
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String query(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : "";
		}
	}

}
