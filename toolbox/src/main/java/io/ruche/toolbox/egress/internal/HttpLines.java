package io.ruche.toolbox.egress.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** Reads and copies HTTP/1.1 lines and bodies, byte for byte. */
final class HttpLines {

	private static final byte[] CRLF = { '\r', '\n' };

	private HttpLines() {
	}

	/**
	 * Reads one line, without its line end.
	 * @param in the stream, buffered
	 * @param maxBytes the longest line accepted
	 * @return the line (ISO-8859-1), or null when the stream ended before it
	 * @throws IOException when reading fails or the line is too long
	 */
	static @Nullable String readLine(InputStream in, int maxBytes) throws IOException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				int end = line.length();
				return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
			}
			if (line.length() >= maxBytes) {
				throw new ProtocolException("line longer than " + maxBytes + " bytes");
			}
			line.append((char) b);
		}
		return null;
	}

	static void writeLine(OutputStream out, String line) throws IOException {
		out.write(line.getBytes(StandardCharsets.ISO_8859_1));
		out.write(CRLF);
	}

	/**
	 * Copies a body framed by {@code Transfer-Encoding: chunked}, trailers included.
	 * @param in the source, positioned after the head
	 * @param out the destination
	 * @param maxLine the longest chunk-size or trailer line accepted
	 * @throws IOException when reading or writing fails, or the framing is broken
	 */
	static void copyChunked(InputStream in, OutputStream out, int maxLine) throws IOException {
		while (true) {
			String sizeLine = required(readLine(in, maxLine));
			writeLine(out, sizeLine);
			int extension = sizeLine.indexOf(';');
			long size;
			try {
				size = Long.parseLong(((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).strip(), 16);
			}
			catch (NumberFormatException ex) {
				throw new ProtocolException("bad chunk size");
			}
			if (size == 0) {
				String trailer;
				do {
					trailer = required(readLine(in, maxLine));
					writeLine(out, trailer);
				}
				while (!trailer.isEmpty());
				return;
			}
			copyExactly(in, out, size);
			if (!required(readLine(in, 2)).isEmpty()) {
				throw new ProtocolException("chunk not followed by CRLF");
			}
			out.write(CRLF);
		}
	}

	/**
	 * Copies exactly {@code length} bytes.
	 * @param in the source
	 * @param out the destination
	 * @param length how many bytes
	 * @throws IOException when reading or writing fails, or the source ends early
	 */
	static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
		byte[] buffer = new byte[8192];
		long left = length;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new ProtocolException("body shorter than announced");
			}
			out.write(buffer, 0, read);
			left -= read;
		}
	}

	private static String required(@Nullable String line) throws ProtocolException {
		if (line == null) {
			throw new ProtocolException("stream ended inside a body");
		}
		return line;
	}

}
