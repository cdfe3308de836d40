package io.ruche.bench.toolbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.ruche.adapters.JacksonJsonCodec;
import io.ruche.adapters.NetworkntSchemaValidator;
import io.ruche.kernel.model.TenantId;
import io.ruche.stores.embedded.EmbeddedStores;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.testkit.fakes.FakeEmbeddingModel;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.port.ToolMetrics;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.sandbox.InvocationRequest;
import io.ruche.toolbox.sandbox.RunnerDependencies;
import io.ruche.toolbox.sandbox.SandboxPolicy;
import io.ruche.toolbox.secret.SecretCipher;
import io.ruche.toolbox.secret.SecretSettings;
import io.ruche.toolbox.transport.ToolTransports;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandboxed runner's overhead: the same POST to a local tool server (JDK HttpServer
 * on loopback answering a small JSON) made through {@link ToolRunner#invoke} (embedded
 * stores: catalog read, argument validation, egress check, rate limits, bulkhead,
 * breaker, retry wrapper, timed call on a virtual thread, audit line) and directly with
 * java.net.http (same client settings as {@code ToolTransports.http}, JSON encoded and
 * decoded with the same codec), interleaved call by call.
 *
 * <pre>
 * RunnerBench warmup iterations
 * </pre>
 */
public final class RunnerBench {

	private static final TenantId TENANT = new TenantId("bench");

	private static final byte[] ANSWER = "{\"city\":\"Paris\",\"temperature_c\":21.5,\"conditions\":\"sunny\"}"
		.getBytes(StandardCharsets.UTF_8);

	private RunnerBench() {
	}

	public static void main(String[] args) {
		BenchMain.run(args, RunnerBench::bench);
	}

	private static void bench(String[] args) throws Exception {
		int warmup = Integer.parseInt(args[0]);
		int iterations = Integer.parseInt(args[1]);
		System.out.printf(Locale.ROOT, "machine: %d cores (availableProcessors), java %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version());
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		server.createContext("/weather", (exchange) -> {
			try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
				in.readAllBytes();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, ANSWER.length);
				out.write(ANSWER);
			}
		});
		ExecutorService serverThreads = Executors.newFixedThreadPool(2);
		server.setExecutor(serverThreads);
		server.start();
		String target = "http://127.0.0.1:" + server.getAddress().getPort() + "/weather";
		Path dataDir = Files.createTempDirectory("ruche-bench-runner");
		HikariDataSource dataSource = EmbeddedStores.dataSource(dataDir);
		try {
			EmbeddedStores.migrate(dataSource);
			run(EmbeddedStores.jdbcStores(dataSource), target, warmup, iterations);
		}
		finally {
			server.stop(0);
			serverThreads.shutdownNow();
			dataSource.close();
			try (var files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	private static void run(JdbcStores stores, String target, int warmup, int iterations) throws Exception {
		JsonMapper mapper = JsonMapper.builder().build();
		JsonCodec json = new JacksonJsonCodec(mapper);
		SecretCipher cipher = SecretCipher.aesGcm(new SecretSettings(new byte[32]));
		Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")),
				"required", List.of("city"));
		ToolDefinition tool = new ToolDefinition(TENANT, "weather_now", "Current weather of a city", schema, null,
				ToolKind.HTTP, target, new ExecutionPolicy(5_000, SideEffect.PURE, false), Map.of(), Map.of(), null, 0,
				Instant.now());
		stores.toolCatalog().save(tool, new FakeEmbeddingModel().embed(tool.description()));
		// generous limits: rate limits, quota and concurrency never refuse a call here
		SandboxPolicy policy = new SandboxPolicy(Duration.ofSeconds(30), 1024 * 1024, 100_000_000, 100_000_000,
				100_000_000, 16, SandboxPolicy.Breaker.DEFAULTS, SandboxPolicy.Retry.DEFAULTS);
		Egress egress = Egress.create(new EgressPolicy(Map.of(TENANT, Set.of("127.0.0.1")), true));
		ToolRunner runner = ToolRunner.create(new RunnerDependencies(stores.toolCatalog(), stores.toolActivations(),
				stores.invocationLedger(), EmbeddedStores.rateLimits(), stores.auditLog(), ToolMetrics.NONE,
				new NetworkntSchemaValidator(mapper), json,
				Map.of(ToolKind.HTTP, ToolTransports.http(egress, json, cipher, policy.maxResponseBytes())), egress,
				Clock.systemUTC()), policy, ActivationPolicy.OPT_IN);
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Map<String, Object> arguments = Map.of("city", "Paris");
		InvocationRequest request = InvocationRequest.of(TENANT, "bench", "weather_now", arguments);
		Runnable viaRunner = () -> {
			ToolOutcome outcome = runner.invoke(request);
			if (!(outcome instanceof ToolOutcome.Completed)) {
				throw new IllegalStateException("runner call failed: " + outcome);
			}
		};
		Runnable direct = () -> {
			HttpRequest post = HttpRequest.newBuilder(URI.create(target))
				.timeout(Duration.ofMillis(5_000))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/plain")
				.POST(HttpRequest.BodyPublishers.ofString(json.encode(arguments)))
				.build();
			try {
				HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || json.decode(response.body()) == null) {
					throw new IllegalStateException("direct call failed: " + response.statusCode());
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		};
		for (int i = 0; i < warmup; i++) {
			viaRunner.run();
			direct.run();
		}
		long[] runnerNanos = new long[iterations];
		long[] directNanos = new long[iterations];
		long[] diff = new long[iterations];
		for (int i = 0; i < iterations; i++) {
			if (i % 2 == 0) {
				runnerNanos[i] = time(viaRunner);
				directNanos[i] = time(direct);
			}
			else {
				directNanos[i] = time(direct);
				runnerNanos[i] = time(viaRunner);
			}
			diff[i] = runnerNanos[i] - directNanos[i];
		}
		Stats viaStats = new Stats(runnerNanos);
		Stats directStats = new Stats(directNanos);
		System.out.printf(Locale.ROOT, "RESULT runner-overhead warmup=%d (x2 calls) iterations=%d (interleaved)%n",
				warmup, iterations);
		System.out.println("  ToolRunner.invoke: " + viaStats.line());
		System.out.println("  direct HTTP POST:  " + directStats.line());
		System.out.printf(Locale.ROOT, "  added: p50 %+.3f ms, p95 %+.3f ms (difference of percentiles)%n",
				viaStats.percentileMs(50) - directStats.percentileMs(50),
				viaStats.percentileMs(95) - directStats.percentileMs(95));
		System.out.println("  paired difference (runner - direct, same iteration): " + new Stats(diff).line());
	}

	private static long time(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

}
