package io.ruche.server.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.jspecify.annotations.Nullable;

/**
 * A request body read whole, up to a limit, so that it can be checked before the code
 * that parses it reads it again.
 */
public final class BoundedBody {

	private BoundedBody() {
	}

	/**
	 * Reads a request's body.
	 * @param request the request
	 * @param maxBytes the largest body accepted
	 * @return the body, or null when it is larger than {@code maxBytes}
	 * @throws IOException when the body cannot be read
	 */
	public static byte @Nullable [] read(HttpServletRequest request, int maxBytes) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			if (declared >= 0) {
				// Exactly the declared length: readNBytes(int) would allocate a 16 KiB
				// buffer for every small JSON-RPC message, the largest allocation of a
				// cheap call.
				byte[] body = new byte[(int) declared];
				int read = in.readNBytes(body, 0, body.length);
				return (read == body.length) ? body : Arrays.copyOf(body, read);
			}
			byte[] body = in.readNBytes(maxBytes + 1);
			return (body.length > maxBytes) ? null : body;
		}
	}

	/**
	 * The request with its body replaced by bytes already read.
	 * @param request the request
	 * @param body its body
	 * @return a request whose input stream replays the body
	 */
	public static HttpServletRequest replay(HttpServletRequest request, byte[] body) {
		return new Replayed(request, body);
	}

	private static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = Arrays.copyOf(body, body.length);
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ReplayedStream(new ByteArrayInputStream(this.body));
		}

		@Override
		public BufferedReader getReader() {
			Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

	private static final class ReplayedStream extends ServletInputStream {

		private final ByteArrayInputStream bytes;

		ReplayedStream(ByteArrayInputStream bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read() {
			return this.bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.bytes.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.bytes.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("the body was read already; read it synchronously");
		}

	}

}
