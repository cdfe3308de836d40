package io.ruche.toolbox.egress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressTests {

	private static final TenantId ACME = TenantId.of("acme");

	private static final TenantId GLOBEX = TenantId.of("globex");

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void relaysPlainHttpToTheCheckedAddressUnderTheTargetsHostName() throws Exception {
		EchoServer server = track(EchoServer.http());
		Egress egress = Egress.create(new EgressPolicy(Map.of(), true), resolving("tools.test", "127.0.0.1"));
		EgressRoute route = track(egress.open(ACME, "http://tools.test:" + server.port() + "/echo"));

		HttpResponse<String> response = get(route, "http://tools.test:" + server.port() + "/echo?city=Paris");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(server.requests).containsExactly("GET /echo?city=Paris tools.test:" + server.port());
	}

	@Test
	void forwardsEveryRequestOfAKeptAliveConnectionWithItsBody() throws Exception {
		EchoServer server = track(EchoServer.http());
		Egress egress = Egress.create(new EgressPolicy(Map.of(), true), resolving("tools.test", "127.0.0.1"));
		String target = "http://tools.test:" + server.port() + "/mcp";
		EgressRoute route = track(egress.open(ACME, target));

		try (HttpClient client = route.configure(HttpClient.newBuilder()).build()) {
			for (String body : List.of("first", "second")) {
				HttpRequest fixed = HttpRequest.newBuilder(URI.create(target))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				client.send(fixed, HttpResponse.BodyHandlers.ofString());
			}
			HttpRequest chunked = HttpRequest.newBuilder(URI.create(target))
				.POST(HttpRequest.BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream("third".getBytes(StandardCharsets.UTF_8))))
				.build();
			client.send(chunked, HttpResponse.BodyHandlers.ofString());
		}

		String host = "tools.test:" + server.port();
		assertThat(server.requests).containsExactly("POST /mcp " + host + " first", "POST /mcp " + host + " second",
				"POST /mcp " + host + " third");
	}

	// ISSUE-9 (hole 1): a host that answers an allowed address to the check and a
	// refused one afterwards (DNS rebinding) is resolved once; the second answer never
	// reaches a socket
	@Test
	void resolvesOnceAndConnectsOnlyToTheCheckedAddress() throws Exception {
		EchoServer server = track(EchoServer.http());
		AtomicInteger lookups = new AtomicInteger();
		HostResolver rebinding = (host) -> List
			.of(InetAddress.getByName((lookups.incrementAndGet() == 1) ? "127.0.0.1" : "169.254.169.254"));
		Egress egress = Egress.create(new EgressPolicy(Map.of(), true), rebinding);
		String target = "http://rebind.test:" + server.port() + "/";
		EgressRoute route = track(egress.open(ACME, target));

		for (int i = 0; i < 3; i++) {
			assertThat(get(route, target).statusCode()).isEqualTo(200);
		}

		assertThat(lookups).hasValue(1);
		assertThat(route.addresses()).containsExactly(InetAddress.getByName("127.0.0.1"));
		assertThat(server.requests).hasSize(3);
		assertThatThrownBy(() -> egress.open(ACME, target)).isInstanceOf(EgressRefusedException.class)
			.hasMessage("egress_refused: host rebind.test resolves to a private, link-local or reserved address");
	}

	@Test
	void refusesAHostWhenAnyOfItsAddressesIsRefused() throws UnknownHostException {
		HostResolver both = (host) -> List.of(InetAddress.getByName("93.184.215.14"),
				InetAddress.getByName("10.0.0.7"));
		Egress egress = Egress.create(EgressPolicy.DEFAULTS, both);

		assertThat(egress.check(ACME, "https://mixed.test/"))
			.contains("egress_refused: host mixed.test resolves to a private, link-local or reserved address");
	}

	@Test
	void refusesLoopbackUnlessAllowedAndTheUnspecifiedAddressAlways() {
		Egress strict = Egress.create(EgressPolicy.DEFAULTS);
		Egress loopback = Egress.create(new EgressPolicy(Map.of(ACME, Set.of("0.0.0.0", "127.0.0.1")), true));

		assertThat(strict.check(ACME, "http://127.0.0.1:6379/"))
			.contains("egress_refused: host 127.0.0.1 resolves to a loopback address");
		assertThat(strict.check(ACME, "http://[::1]:5432/"))
			.contains("egress_refused: host ::1 resolves to a loopback address");
		assertThat(strict.check(ACME, "http://[::ffff:127.0.0.1]:5432/"))
			.contains("egress_refused: host ::ffff:127.0.0.1 resolves to a loopback address");
		assertThat(loopback.check(ACME, "http://127.0.0.1:6379/")).isEmpty();
		assertThat(loopback.check(ACME, "http://0.0.0.0:6379/"))
			.contains("egress_refused: host 0.0.0.0 resolves to the unspecified address");
	}

	// ISSUE-9 (hole 7): each IPv6 form of a refused IPv4 address is refused
	@Test
	void refusesIpv6FormsThatCarryARefusedIpv4Address() {
		Egress egress = Egress.create(EgressPolicy.DEFAULTS);

		List<String> targets = List.of("http://[::127.0.0.1]/", "http://[::169.254.169.254]/",
				"http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::1]/", "http://[2002:7f00:1::1]/",
				"http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "http://[fe80::1]/", "http://[fd00::1]/",
				"http://[ff02::1]/", "http://[::]/");

		assertThat(targets).allSatisfy((target) -> assertThat(egress.check(ACME, target))
			.hasValueSatisfying((refusal) -> assertThat(refusal).startsWith("egress_refused: host ")));
		assertThat(egress.check(ACME, "http://[2002:0808:0808::1]/")).isEmpty();
	}

	// ISSUE-9 (hole 9)
	@Test
	void refusesCredentialsInTheTargetWithoutRepeatingThem() {
		Egress egress = Egress.create(EgressPolicy.DEFAULTS, resolving("api.test", "93.184.215.14"));

		assertThat(egress.check(ACME, "https://bob:s3cr3t@api.test/v1")).hasValueSatisfying(
				(refusal) -> assertThat(refusal).startsWith("egress_refused: the target carries credentials")
					.doesNotContain("bob")
					.doesNotContain("s3cr3t"));
		assertThatThrownBy(() -> egress.open(ACME, "https://bob:s3cr3t@api.test/v1"))
			.isInstanceOf(EgressRefusedException.class)
			.hasMessageNotContaining("s3cr3t");
	}

	@Test
	void keepsEachTenantsAllowListToItself() throws Exception {
		Egress egress = Egress.create(new EgressPolicy(Map.of(ACME, Set.of("intranet.test")), false),
				resolving("intranet.test", "10.9.8.7"));
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		List<Future<String>> outcomes = new ArrayList<>();

		for (int i = 0; i < 200; i++) {
			TenantId tenant = (i % 2 == 0) ? ACME : GLOBEX;
			outcomes.add(threads.submit(() -> {
				try (EgressRoute route = egress.open(tenant, "http://intranet.test/")) {
					return tenant.value() + " " + route.addresses();
				}
				catch (EgressRefusedException ex) {
					return tenant.value() + " " + ex.getMessage();
				}
			}));
		}
		threads.shutdown();

		for (int i = 0; i < outcomes.size(); i++) {
			assertThat(outcomes.get(i).get()).isEqualTo((i % 2 == 0) ? "acme [intranet.test/10.9.8.7]"
					: "globex egress_refused: host intranet.test resolves to a private, link-local or reserved address");
		}
	}

	@Test
	void refusesAnotherCallsRelayAsATarget() {
		Egress egress = Egress.create(new EgressPolicy(Map.of(ACME, Set.of("intranet.test")), true),
				resolving("intranet.test", "10.9.8.7"));
		EgressRoute acmeRoute = track(egress.open(ACME, "http://intranet.test/"));
		int relayPort = relay(acmeRoute).getPort();

		Optional<String> refusal = egress.check(GLOBEX, "http://127.0.0.1:" + relayPort + "/");

		assertThat(refusal).contains(
				"egress_refused: port " + relayPort + " of the loopback address is one of Ruche's own egress relays");
	}

	@Test
	void relayDropsARequestForAnotherTarget() throws Exception {
		EchoServer server = track(EchoServer.http());
		Egress egress = Egress.create(new EgressPolicy(Map.of(), true), resolving("tools.test", "127.0.0.1"));
		EgressRoute route = track(egress.open(ACME, "http://tools.test:" + server.port() + "/"));
		InetSocketAddress relay = relay(route);

		try (Socket socket = new Socket(relay.getAddress(), relay.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET http://other.test:" + server.port() + "/ HTTP/1.1\r\nHost: other.test\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();

			assertThat(in.read()).isEqualTo(-1);
		}
		assertThat(server.requests).isEmpty();
	}

	static HostResolver resolving(String name, String address) {
		return (host) -> host.equals(name)
				? List.of(InetAddress.getByAddress(name, InetAddress.getByName(address).getAddress()))
				: HostResolver.SYSTEM.resolve(host);
	}

	static InetSocketAddress relay(EgressRoute route) {
		try (HttpClient client = route.configure(HttpClient.newBuilder()).build()) {
			return (InetSocketAddress) client.proxy().orElseThrow().select(URI.create(route.target())).get(0).address();
		}
	}

	private static HttpResponse<String> get(EgressRoute route, String url) throws IOException, InterruptedException {
		try (HttpClient client = route.configure(HttpClient.newBuilder()).build()) {
			return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

}
