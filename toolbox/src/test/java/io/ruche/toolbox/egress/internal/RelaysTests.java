package io.ruche.toolbox.egress.internal;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.egress.HostResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelaysTests {

	private static final TenantId ACME = TenantId.of("acme");

	private static final TenantId GLOBEX = TenantId.of("globex");

	private static final String TARGET = "http://tools.test:8080/";

	@Test
	void routesOfOneTenantWithTheSameCheckedAddressesShareARelayAndItsClient() {
		DefaultEgress egress = new DefaultEgress(new EgressPolicy(Map.of(), true), resolving("127.0.0.1"),
				Duration.ofMinutes(1));

		try (EgressRoute first = egress.open(ACME, TARGET);
				EgressRoute second = egress.open(ACME, TARGET + "x");
				EgressRoute other = egress.open(GLOBEX, TARGET)) {

			assertThat(second.client()).isSameAs(first.client());
			assertThat(relay(second)).isEqualTo(relay(first));
			assertThat(relay(other)).isNotEqualTo(relay(first));
			assertThat(other.client()).isNotSameAs(first.client());
		}
	}

	@Test
	void aCheckThatFindsOtherAddressesGetsAnotherRelay() throws Exception {
		DefaultEgress first = new DefaultEgress(new EgressPolicy(Map.of(), true), resolving("127.0.0.1"),
				Duration.ofMinutes(1));

		try (EgressRoute route = first.open(ACME, TARGET)) {
			InetSocketAddress before = relay(route);
			try (EgressRoute moved = new DefaultEgress(new EgressPolicy(Map.of(), true), resolving("127.0.0.2"),
					Duration.ofMinutes(1))
				.open(ACME, TARGET)) {

				assertThat(moved.addresses()).containsExactly(InetAddress.getByName("127.0.0.2"));
				assertThat(relay(moved)).isNotEqualTo(before);
			}
		}
	}

	@Test
	void closesARelayOnceUnusedForItsIdleTime() throws Exception {
		DefaultEgress egress = new DefaultEgress(new EgressPolicy(Map.of(), true), resolving("127.0.0.1"),
				Duration.ofMillis(100));
		EgressRoute route = egress.open(ACME, TARGET);
		InetSocketAddress relay = relay(route);

		route.close();
		Thread.sleep(500);

		assertThatThrownBy(() -> new Socket(relay.getAddress(), relay.getPort()).close())
			.isInstanceOf(ConnectException.class);
		assertThat(egress.check(GLOBEX, "http://127.0.0.1:" + relay.getPort() + "/")).isEmpty();
	}

	private static HostResolver resolving(String address) {
		return (host) -> List.of(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
	}

	private static InetSocketAddress relay(EgressRoute route) {
		try (HttpClient client = route.configure(HttpClient.newBuilder()).build()) {
			return (InetSocketAddress) client.proxy().orElseThrow().select(URI.create(route.target())).get(0).address();
		}
	}

}
