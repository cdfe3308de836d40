package io.ruche.server.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * A client transport that records what the server sent to a real SDK client: requests
 * (with their ids) and notifications, as they came off the wire.
 */
final class WireTap implements McpClientTransport {

	private final McpClientTransport delegate;

	private final List<McpSchema.JSONRPCMessage> received = new CopyOnWriteArrayList<>();

	WireTap(McpClientTransport delegate) {
		this.delegate = delegate;
	}

	List<McpSchema.JSONRPCRequest> requests(String method) {
		return this.received.stream()
			.filter((m) -> m instanceof McpSchema.JSONRPCRequest r && r.method().equals(method))
			.map(McpSchema.JSONRPCRequest.class::cast)
			.toList();
	}

	List<McpSchema.JSONRPCNotification> notifications(String method) {
		return this.received.stream()
			.filter((m) -> m instanceof McpSchema.JSONRPCNotification n && n.method().equals(method))
			.map(McpSchema.JSONRPCNotification.class::cast)
			.toList();
	}

	@Override
	public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
		return this.delegate.connect((incoming) -> handler.apply(incoming.doOnNext(this.received::add)));
	}

	@Override
	public void setExceptionHandler(Consumer<Throwable> handler) {
		this.delegate.setExceptionHandler(handler);
	}

	@Override
	public Mono<Void> closeGracefully() {
		return this.delegate.closeGracefully();
	}

	@Override
	public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
		return this.delegate.sendMessage(message);
	}

	@Override
	public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
		return this.delegate.unmarshalFrom(data, typeRef);
	}

	@Override
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

}
