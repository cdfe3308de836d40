package io.ruche.toolbox.egress.internal;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ruche.toolbox.egress.EgressRoute;

/** One caller's use of a shared relay; closing it releases the relay once. */
final class Lease implements EgressRoute {

	private final String url;

	private final Relay relay;

	private final Runnable release;

	private final AtomicBoolean closed = new AtomicBoolean();

	Lease(String url, Relay relay, Runnable release) {
		this.url = url;
		this.relay = relay;
		this.release = release;
	}

	@Override
	public String target() {
		return this.url;
	}

	@Override
	public List<InetAddress> addresses() {
		return this.relay.addresses();
	}

	@Override
	public HttpClient.Builder configure(HttpClient.Builder builder) {
		return this.relay.configure(builder);
	}

	@Override
	public HttpClient client() {
		return this.relay.client();
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.release.run();
		}
	}

}
