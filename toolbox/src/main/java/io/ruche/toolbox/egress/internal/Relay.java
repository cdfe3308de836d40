package io.ruche.toolbox.egress.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP proxy on the loopback interface that connects only to the checked addresses of
 * one target, for one tenant. Its routes (leases) share it and the HTTP client built on
 * it; it counts them so that {@link Relays} can close it once unused.
 */
final class Relay {

	private static final Logger logger = LoggerFactory.getLogger(Relay.class);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private final EgressTarget target;

	private final List<InetAddress> addresses;

	private final ServerSocket listener;

	private final ProxySelector proxy;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	// guarded by this
	private int leases;

	// guarded by this
	private long idleSince;

	// guarded by this
	private @Nullable HttpClient client;

	private volatile boolean closed;

	private Relay(EgressTarget target, List<InetAddress> addresses, ServerSocket listener) {
		this.target = target;
		this.addresses = List.copyOf(addresses);
		this.listener = listener;
		this.proxy = ProxySelector.of(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()));
	}

	/**
	 * Opens a relay on a free loopback port.
	 * @param target the checked target
	 * @param addresses its checked addresses
	 * @return the relay, accepting connections
	 */
	static Relay start(EgressTarget target, List<InetAddress> addresses) {
		ServerSocket listener;
		try {
			listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException("no loopback port is free for an egress relay", ex);
		}
		Relay relay = new Relay(target, addresses, listener);
		Thread.ofVirtual().name("ruche-egress-relay-" + listener.getLocalPort()).start(relay::accept);
		return relay;
	}

	int port() {
		return this.listener.getLocalPort();
	}

	EgressTarget target() {
		return this.target;
	}

	List<InetAddress> addresses() {
		return this.addresses;
	}

	HttpClient.Builder configure(HttpClient.Builder builder) {
		// a redirect would lead away from the checked address
		return builder.proxy(this.proxy).followRedirects(HttpClient.Redirect.NEVER);
	}

	synchronized HttpClient client() {
		if (this.client == null) {
			this.client = configure(HttpClient.newBuilder()).connectTimeout(CONNECT_TIMEOUT).build();
		}
		return this.client;
	}

	synchronized void acquire() {
		this.leases++;
	}

	synchronized void release() {
		this.leases--;
		if (this.leases == 0) {
			this.idleSince = System.nanoTime();
		}
	}

	synchronized boolean idleFor(Duration idle) {
		return this.leases == 0 && System.nanoTime() - this.idleSince >= idle.toNanos();
	}

	boolean isClosed() {
		return this.closed;
	}

	void close() {
		HttpClient built;
		synchronized (this) {
			this.closed = true;
			built = this.client;
		}
		if (built != null) {
			built.shutdownNow();
		}
		closeQuietly(this.listener);
		this.sockets.forEach(Relay::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * Connects to the first checked address that answers, never to anything else.
	 * @return the connected socket, released with {@link #release(Socket)}
	 * @throws IOException when no address could be connected to
	 */
	Socket connectUpstream() throws IOException {
		IOException failure = new SocketException("no address to connect to");
		for (InetAddress address : this.addresses) {
			Socket socket = new Socket();
			// the relay forwards what it reads at once; Nagle would hold small writes
			// back
			socket.setTcpNoDelay(true);
			if (!track(socket)) {
				throw new SocketException("the relay is closed");
			}
			try {
				socket.connect(new InetSocketAddress(address, this.target.port()), (int) CONNECT_TIMEOUT.toMillis());
				return socket;
			}
			catch (IOException ex) {
				release(socket);
				failure = ex;
			}
		}
		throw failure;
	}

	void release(Socket socket) {
		this.sockets.remove(socket);
		closeQuietly(socket);
	}

	private void accept() {
		while (!this.closed) {
			Socket client;
			try {
				client = this.listener.accept();
				client.setTcpNoDelay(true);
			}
			catch (IOException ex) {
				if (!this.closed) {
					logger.debug("The egress relay of {} stopped accepting: {}", this.target.host(), ex.getMessage());
					close();
				}
				return;
			}
			if (track(client)) {
				Thread.ofVirtual()
					.name("ruche-egress-relay-" + port() + "-connection")
					.start(() -> new RelayConnection(this, client).serve());
			}
		}
	}

	// a socket opened while the relay closes is closed at once
	private boolean track(Socket socket) {
		this.sockets.add(socket);
		if (this.closed) {
			release(socket);
			return false;
		}
		return true;
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
