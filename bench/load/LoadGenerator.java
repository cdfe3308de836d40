import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concurrent conversations over MCP through the load balancer (run by bench/load.sh, JDK source launcher).
 *
 * <p>
 * First every conversation opens its MCP session (all of them stay open), then each one sends its turns one
 * after the other with a random think time, at most {@code inflight} requests being on the wire at once. Every
 * acknowledged turn (session, turn number, message) is written to {@code acks.csv} for the check against the
 * database; the timeline (replies and errors per wall-clock second) to {@code timeline.csv}. A failed turn is sent again
 * after a second, up to {@code retries} times (0: counted and given up), re-initialising the MCP session when
 * its instance is gone.
 *
 * <pre>
 * java LoadGenerator.java URL KEY AGENT CONVERSATIONS TURNS INFLIGHT THINK_MS RETRIES OUT_DIR
 * </pre>
 *
 * Environment: HEAP_CMD, a shell command printing the heap in use (KiB) of the instances after a full GC,
 * run before the sessions are opened, once they are open, and once they are closed.
 */
public final class LoadGenerator {

	private static final Pattern SESSION = Pattern.compile("\"session\":\"([^\"]+)\"");

	private static final Pattern TURN = Pattern.compile("\"turn\":(\\d+)");

	private static final Pattern ERROR_TEXT = Pattern.compile("\"(?:text|message)\":\"([^\"]{0,120})");

	private static final String[] MESSAGES = { "How long does a refund take?", "When will I get my money back?",
			"How many days until the refund arrives?", "How long do refunds take to reach my account?",
			"Is my refund on its way, how long will it take?" };

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final URI url;

	private final String key;

	private final String agent;

	private final Semaphore inflight;

	private final int retries;

	private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Long> errorLatencies = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<String> acks = new ConcurrentLinkedQueue<>();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private final Map<Long, long[]> timeline = new ConcurrentHashMap<>();

	private final AtomicInteger reinitialised = new AtomicInteger();

	private final AtomicInteger abandoned = new AtomicInteger();

	private LoadGenerator(URI url, String key, String agent, int inflight, int retries) {
		this.url = url;
		this.key = key;
		this.agent = agent;
		this.inflight = new Semaphore(inflight);
		this.retries = retries;
	}

	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[0]);
		int conversations = Integer.parseInt(args[3]);
		int turns = Integer.parseInt(args[4]);
		int inflight = Integer.parseInt(args[5]);
		long thinkMs = Long.parseLong(args[6]);
		Path out = Path.of(args[8]);
		Files.createDirectories(out);
		LoadGenerator load = new LoadGenerator(url, args[1], args[2], inflight, Integer.parseInt(args[7]));

		long heapBefore = heap();
		long opening = System.nanoTime();
		String[] mcpSessions = new String[conversations];
		load.all(conversations, (i) -> mcpSessions[i] = load.initialize());
		double openSeconds = seconds(opening);
		long heapOpen = heap();
		long opened = java.util.Arrays.stream(mcpSessions).filter(java.util.Objects::nonNull).count();
		System.out.printf("opened %d of %d MCP sessions in %.1f s (%.0f/s)%n", opened, conversations, openSeconds,
				opened / openSeconds);

		long talking = System.nanoTime();
		load.all(conversations, (i) -> {
			if (mcpSessions[i] != null) {
				load.converse(i, mcpSessions, turns, thinkMs);
			}
		});
		double talkSeconds = seconds(talking);
		load.all(conversations, (i) -> {
			if (mcpSessions[i] != null) {
				load.close(mcpSessions[i]);
			}
		});
		long heapClosed = heap();

		List<Long> sorted = new ArrayList<>(load.latencies);
		Collections.sort(sorted);
		int ok = sorted.size();
		System.out.printf(
				"RESULT conversations=%d turns=%d ok=%d turns_per_s=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f "
						+ "errors=%s reinitialised=%d abandoned_turns=%d seconds=%.1f%n",
				conversations, conversations * turns, ok, ok / talkSeconds, percentile(sorted, 50),
				percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(ok - 1) / 1e6, new TreeMap<>(load.errors),
				load.reinitialised.get(), load.abandoned.get(), talkSeconds);
		List<Long> failed = new ArrayList<>(load.errorLatencies);
		Collections.sort(failed);
		System.out.printf("ERRORS answered=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", failed.size(),
				percentile(failed, 50), percentile(failed, 99), percentile(failed, 100));
		if (heapBefore > 0) {
			System.out.printf("HEAP kib_before=%d kib_sessions_open=%d kib_sessions_closed=%d "
					+ "per_open_mcp_session_kib=%.1f per_idle_conversation_kib=%.2f%n", heapBefore, heapOpen,
					heapClosed, (heapOpen - heapBefore) / (double) opened,
					(heapClosed - heapBefore) / (double) conversations);
		}
		Files.write(out.resolve("acks.csv"), load.acks);
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out.resolve("timeline.csv")))) {
			writer.println("epoch_second,replies,errors");
			new TreeMap<>(load.timeline).forEach((second, counts) -> writer.printf("%d,%d,%d%n", second, counts[0],
					counts[1]));
		}
		System.exit(0);
	}

	private interface Task {

		void run(int index) throws Exception;

	}

	private void all(int count, Task task) throws InterruptedException {
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				int index = i;
				executor.submit(() -> {
					try {
						task.run(index);
					}
					catch (Exception ex) {
						error("exception:" + ex.getClass().getSimpleName());
					}
					return null;
				});
			}
		}
	}

	/** Opens an MCP session, within the bound of requests on the wire; three tries at least. */
	private String initialize() throws IOException, InterruptedException {
		for (int attempt = 0;; attempt++) {
			String failure;
			this.inflight.acquire();
			try {
				HttpResponse<String> response = post(null, """
						{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
						"capabilities":{},"clientInfo":{"name":"load","version":"1"}}}""");
				String session = response.headers().firstValue("Mcp-Session-Id").orElse(null);
				if (response.statusCode() == 200 && session != null) {
					post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
					return session;
				}
				failure = "initialize:" + response.statusCode();
			}
			catch (IOException ex) {
				failure = "initialize:" + ex.getClass().getSimpleName();
			}
			finally {
				this.inflight.release();
			}
			error(failure);
			if (attempt >= Math.max(2, this.retries)) {
				throw new IOException(failure);
			}
			Thread.sleep(1000);
		}
	}

	private void close(String mcpSession) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.header("Authorization", "Bearer " + this.key)
			.header("Mcp-Session-Id", mcpSession)
			.timeout(Duration.ofSeconds(30))
			.DELETE()
			.build();
		this.inflight.acquire();
		try {
			this.http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		finally {
			this.inflight.release();
		}
	}

	private void converse(int index, String[] mcpSessions, int turns, long thinkMs) throws Exception {
		String session = null;
		for (int turn = 1; turn <= turns; turn++) {
			String message = MESSAGES[(index + turn) % MESSAGES.length] + " (c" + index + " t" + turn + ")";
			String arguments = "\"agent\":\"" + this.agent + "\",\"message\":\"" + message + "\""
					+ ((session != null) ? ",\"session\":\"" + session + "\"" : "");
			String body = "{\"jsonrpc\":\"2.0\",\"id\":" + turn
					+ ",\"method\":\"tools/call\",\"params\":{\"name\":\"converse\",\"arguments\":{" + arguments
					+ "}}}";
			for (int attempt = 0;; attempt++) {
				String outcome = turn(mcpSessions, index, body);
				if (outcome.startsWith("ok:")) {
					String[] fields = outcome.split(":", 3);
					session = fields[1];
					this.acks.add(session + "," + fields[2] + ",\"" + message + "\"");
					break;
				}
				error(outcome);
				if (outcome.startsWith("http:404")) {
					mcpSessions[index] = initialize();
					this.reinitialised.incrementAndGet();
				}
				if (attempt >= this.retries) {
					this.abandoned.incrementAndGet();
					break;
				}
				Thread.sleep(1000);
			}
			if (thinkMs > 0) {
				Thread.sleep(ThreadLocalRandom.current().nextLong(thinkMs));
			}
		}
	}

	/** One converse call: "ok:session:turn", or the kind of error. */
	private String turn(String[] mcpSessions, int index, String body) throws InterruptedException {
		this.inflight.acquire();
		long sent = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = post(mcpSessions[index], body);
		}
		catch (IOException ex) {
			this.errorLatencies.add(System.nanoTime() - sent);
			return "io:" + ex.getClass().getSimpleName();
		}
		finally {
			this.inflight.release();
		}
		long took = System.nanoTime() - sent;
		if (response.statusCode() != 200) {
			this.errorLatencies.add(took);
			return "http:" + response.statusCode();
		}
		String json = lastData(response.body());
		if (json.contains("\"isError\":true") || json.contains("\"error\":{")) {
			this.errorLatencies.add(took);
			Matcher text = ERROR_TEXT.matcher(json);
			return "tool:" + (text.find() ? category(text.group(1)) : "unknown");
		}
		Matcher session = SESSION.matcher(json);
		Matcher turn = TURN.matcher(json);
		if (!session.find() || !turn.find()) {
			return "malformed";
		}
		this.latencies.add(took);
		tick(0);
		return "ok:" + session.group(1) + ":" + turn.group(1);
	}

	private static String category(String text) {
		String lower = text.toLowerCase();
		if (lower.contains("busy")) {
			return "busy";
		}
		if (lower.contains("unavailable") || lower.contains("try again") || lower.contains("retry")) {
			return "unavailable";
		}
		return text.replaceAll("[^A-Za-z ]", "").strip().replace(' ', '_');
	}

	private HttpResponse<String> post(String mcpSession, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("Authorization", "Bearer " + this.key)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (mcpSession != null) {
			request.header("Mcp-Session-Id", mcpSession);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String lastData(String body) {
		String last = body;
		for (String line : body.split("\n")) {
			if (line.startsWith("data: ")) {
				last = line.substring(6);
			}
		}
		return last;
	}

	private void error(String kind) {
		this.errors.computeIfAbsent(kind, (k) -> new LongAdder()).increment();
		tick(1);
	}

	private void tick(int column) {
		long second = System.currentTimeMillis() / 1000;
		long[] counts = this.timeline.computeIfAbsent(second, (s) -> new long[2]);
		synchronized (counts) {
			counts[column]++;
		}
	}

	private static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static long heap() throws IOException, InterruptedException {
		String command = System.getenv("HEAP_CMD");
		if (command == null || command.isBlank()) {
			return -1;
		}
		Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes()).strip();
		process.waitFor();
		return Long.parseLong(output.lines().reduce((a, b) -> b).orElse("-1").strip());
	}

}
