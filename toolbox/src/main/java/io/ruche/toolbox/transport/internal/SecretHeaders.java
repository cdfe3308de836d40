package io.ruche.toolbox.transport.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.secret.SecretCipher;

/** Decrypts a tool's secret headers at the last moment, right before the call. */
final class SecretHeaders {

	private SecretHeaders() {
	}

	static Map<String, String> decrypt(ToolDefinition tool, SecretCipher cipher) {
		Map<String, String> headers = new LinkedHashMap<>();
		tool.secrets().forEach((name, value) -> headers.put(name, cipher.decrypt(tool.tenant(), value)));
		return headers;
	}

}
