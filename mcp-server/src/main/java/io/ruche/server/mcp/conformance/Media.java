package io.ruche.server.mcp.conformance;

/**
 * Binary payloads of the fixtures, base64-encoded. The suite checks that they are present
 * and checks their MIME types, never their bytes.
 */
final class Media {

	/** A 1x1 red PNG. */
	static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

	static final String PNG_TYPE = "image/png";

	/** A well-formed, empty 44-byte WAV file. */
	static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQAAAAA=";

	static final String WAV_TYPE = "audio/wav";

	private Media() {
	}

}
