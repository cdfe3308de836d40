package io.ruche.server.mcp;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import io.modelcontextprotocol.spec.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * A request on a bound session as the SDK sees it: with the SDK's id of the session in
 * {@code Mcp-Session-Id} instead of the public one, and with every stream it opens (an
 * SSE answer, the GET stream) counted as keeping the session in use until it ends.
 */
final class SessionRequest extends HttpServletRequestWrapper {

	private final BoundSession session;

	SessionRequest(HttpServletRequest request, BoundSession session) {
		super(request);
		this.session = session;
	}

	@Override
	public @Nullable String getHeader(String name) {
		return HttpHeaders.MCP_SESSION_ID.equalsIgnoreCase(name) ? this.session.sdkId() : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return HttpHeaders.MCP_SESSION_ID.equalsIgnoreCase(name)
				? Collections.enumeration(List.of(this.session.sdkId())) : super.getHeaders(name);
	}

	@Override
	public AsyncContext startAsync() {
		return tracked(super.startAsync());
	}

	@Override
	public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
		return tracked(super.startAsync(request, response));
	}

	private AsyncContext tracked(AsyncContext stream) {
		this.session.streamOpened();
		stream.addListener(new StreamEnd(this.session));
		return stream;
	}

	/**
	 * Marks the end of one stream of a session, whichever way it ends.
	 */
	private static final class StreamEnd implements AsyncListener {

		private final BoundSession session;

		private final AtomicBoolean ended = new AtomicBoolean();

		StreamEnd(BoundSession session) {
			this.session = session;
		}

		@Override
		public void onComplete(AsyncEvent event) throws IOException {
			end();
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			end();
		}

		@Override
		public void onError(AsyncEvent event) throws IOException {
			end();
		}

		@Override
		public void onStartAsync(AsyncEvent event) throws IOException {
			// a stream that starts again is still the same stream
		}

		private void end() {
			if (this.ended.compareAndSet(false, true)) {
				this.session.streamClosed(System.nanoTime());
			}
		}

	}

}
