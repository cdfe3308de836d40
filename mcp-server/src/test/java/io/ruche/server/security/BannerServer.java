package io.ruche.server.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP service on loopback that is not HTTP, as Redis or PostgreSQL are to an SSRF: it
 * counts the connections it accepts, answers each with its banner and hangs up, or resets
 * each connection at once.
 */
public final class BannerServer implements AutoCloseable {

	/** The banner; no answer may ever show it. */
	public static final String BANNER = "-ERR internal-service-banner-5f2d\r\n";

	private final ServerSocket socket;

	private final boolean reset;

	private final AtomicInteger connections = new AtomicInteger();

	/** Starts a service that answers its banner. */
	public BannerServer() {
		this(false);
	}

	private BannerServer(boolean reset) {
		this.reset = reset;
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofVirtual().name("banner-server").start(this::serve);
	}

	/**
	 * Starts a service that resets every connection (TCP RST) without a byte.
	 * @return the service
	 */
	public static BannerServer resetting() {
		return new BannerServer(true);
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	public int connections() {
		return this.connections.get();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				this.connections.incrementAndGet();
				if (this.reset) {
					client.setSoLinger(true, 0);
					continue;
				}
				OutputStream out = client.getOutputStream();
				out.write(BANNER.getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (IOException ex) {
				// closed, or the client went away first
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
