package io.ruche.server.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the REST API in tests: JSON in, JSON out, bearer key.
 */
public final class RestClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String key;

	public RestClient(int port, String key) {
		this.base = "http://localhost:" + port;
		this.key = key;
	}

	public RestClient as(String otherKey) {
		return new RestClient(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), otherKey);
	}

	public HttpResponse<String> get(String path) {
		return send(builder(path).GET());
	}

	public HttpResponse<String> post(String path, Object body) {
		return send(builder(path).header("Content-Type", "application/json").POST(json(body)));
	}

	public HttpResponse<String> postText(String path, String contentType, String body) {
		return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> put(String path, Object body, String ifMatch) {
		HttpRequest.Builder builder = builder(path).header("Content-Type", "application/json");
		if (ifMatch != null) {
			builder.header("If-Match", ifMatch);
		}
		return send(builder.PUT(json(body)));
	}

	public HttpResponse<String> patch(String path, Object body) {
		return send(builder(path).header("Content-Type", "application/json").method("PATCH", json(body)));
	}

	public HttpResponse<String> delete(String path) {
		return send(builder(path).DELETE());
	}

	public HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		if (this.key != null) {
			builder.header("Authorization", "Bearer " + this.key);
		}
		return builder;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> map(HttpResponse<String> response) {
		return JSON.readValue(response.body(), Map.class);
	}

	private static HttpRequest.BodyPublisher json(Object body) {
		return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
	}

}
