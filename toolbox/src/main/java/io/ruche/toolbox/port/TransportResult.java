package io.ruche.toolbox.port;

import org.jspecify.annotations.Nullable;

/**
 * The raw result of one tool call.
 *
 * @param output the JSON-like output (or text when the tool did not answer JSON); null
 * when the response was too large to read
 * @param bytes the size of the response as received; when a transport stops reading at
 * its cap, a value above the cap
 */
public record TransportResult(@Nullable Object output, long bytes) {

	public TransportResult {
		if (bytes < 0) {
			throw new IllegalArgumentException("bytes must not be negative");
		}
	}

	/**
	 * A response the transport stopped reading because it was too large.
	 * @param bytesSeen the bytes read before stopping, above the cap
	 * @return the result
	 */
	public static TransportResult oversized(long bytesSeen) {
		return new TransportResult(null, bytesSeen);
	}

}
