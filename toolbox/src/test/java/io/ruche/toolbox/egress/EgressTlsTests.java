package io.ruche.toolbox.egress;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTPS through a route: the relay tunnels {@code CONNECT} to the checked address while
 * the client keeps TLS on the host name. The server's certificate names {@code tls.test}
 * only (no IP address), so a handshake that verified anything but the host name would
 * fail.
 */
class EgressTlsTests {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private static EchoServer server;

	private static SSLContext clientContext;

	@BeforeAll
	static void start(@TempDir Path dir) throws Exception {
		KeyStore keys = certificateFor("tls.test", dir.resolve("tls.p12"));
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD);
		SSLContext serverContext = SSLContext.getInstance("TLS");
		serverContext.init(keyManagers.getKeyManagers(), null, null);
		server = EchoServer.https(serverContext);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keys);
		clientContext = SSLContext.getInstance("TLS");
		clientContext.init(null, trust.getTrustManagers(), null);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void tunnelsHttpsToTheCheckedAddressWithTheHostNameForSniAndVerification() throws Exception {
		Egress egress = Egress.create(new EgressPolicy(Map.of(), true), EgressTests.resolving("tls.test", "127.0.0.1"));
		String target = "https://tls.test:" + server.port() + "/mcp";

		try (EgressRoute route = egress.open(TenantId.of("acme"), target)) {
			HttpResponse<String> response = get(route, target);

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("GET /mcp tls.test:" + server.port());
		}
	}

	@Test
	void refusesACertificateThatDoesNotNameTheHost() {
		Egress egress = Egress.create(new EgressPolicy(Map.of(), true),
				EgressTests.resolving("other.test", "127.0.0.1"));
		String target = "https://other.test:" + server.port() + "/mcp";

		try (EgressRoute route = egress.open(TenantId.of("acme"), target)) {
			assertThatThrownBy(() -> get(route, target)).isInstanceOf(SSLHandshakeException.class);
		}
	}

	private static HttpResponse<String> get(EgressRoute route, String url) throws IOException, InterruptedException {
		try (HttpClient client = route.configure(HttpClient.newBuilder().sslContext(clientContext)).build()) {
			return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	private static KeyStore certificateFor(String host, Path file)
			throws IOException, InterruptedException, GeneralSecurityException {
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + host,
				"-ext", "SAN=dns:" + host, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
				"-storepass", new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		byte[] output = keytool.getInputStream().readAllBytes();
		assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(output)).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, PASSWORD);
		}
		return store;
	}

}
