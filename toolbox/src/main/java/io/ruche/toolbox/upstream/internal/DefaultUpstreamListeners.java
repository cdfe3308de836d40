package io.ruche.toolbox.upstream.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.registry.ImportedTools;
import io.ruche.toolbox.upstream.ListenSettings;
import io.ruche.toolbox.upstream.ListenerDependencies;
import io.ruche.toolbox.upstream.UpstreamListeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link UpstreamListener} per registration, kept in step with the catalog: every
 * {@code tool} change (from any instance) is checked against it.
 */
public final class DefaultUpstreamListeners implements UpstreamListeners {

	private static final Logger logger = LoggerFactory.getLogger(DefaultUpstreamListeners.class);

	private final ListenerDependencies ports;

	private final ListenSettings settings;

	private final Scheduler scheduler = new Scheduler();

	private final Map<Key, UpstreamListener> listeners = new HashMap<>();

	private volatile boolean closed;

	public DefaultUpstreamListeners(ListenerDependencies ports, ListenSettings settings) {
		this.ports = ports;
		this.settings = settings;
	}

	@Override
	public void start() {
		this.ports.broadcast().subscribe(this::onChange);
		this.scheduler.now(this::listenToAll);
	}

	@Override
	public Set<String> connected(TenantId tenant) {
		synchronized (this.listeners) {
			return this.listeners.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().tenant().equals(tenant) && entry.getValue().connected())
				.map((entry) -> entry.getKey().name())
				.collect(Collectors.toUnmodifiableSet());
		}
	}

	@Override
	public void close() {
		this.closed = true;
		synchronized (this.listeners) {
			this.listeners.values().forEach(UpstreamListener::stop);
			this.listeners.clear();
		}
		this.scheduler.close();
	}

	private void listenToAll() {
		try {
			for (Tenant tenant : this.ports.tenants().list()) {
				this.ports.catalog()
					.list(tenant.id())
					.stream()
					.filter(ImportedTools::isServerRegistration)
					.forEach((server) -> reconcile(tenant.id(), server.name()));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not list the registered MCP servers to listen to: {}", ex.getMessage());
		}
	}

	// the broadcast's listeners must not block: the catalog is read on a worker
	private void onChange(ConfigurationChanged change) {
		if (!this.closed && "tool".equals(change.kind())) {
			this.scheduler.now(() -> reconcile(change.tenant(), change.objectId()));
		}
	}

	private void reconcile(TenantId tenant, String name) {
		try {
			synchronized (this.listeners) {
				if (this.closed) {
					return;
				}
				Key key = new Key(tenant, name);
				Optional<ToolDefinition> server = this.ports.catalog()
					.find(tenant, name)
					.filter(ImportedTools::isServerRegistration);
				UpstreamListener current = this.listeners.get(key);
				if (current != null && server.isPresent() && current.listensTo(server.get())) {
					return;
				}
				if (current != null) {
					current.stop();
					this.listeners.remove(key);
				}
				if (server.isPresent()) {
					UpstreamListener listener = new UpstreamListener(server.get(), this.ports, this.settings,
							this.scheduler);
					this.listeners.put(key, listener);
					listener.start();
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not update the listener of tool {} of tenant {}: {}", name, tenant.value(),
					ex.getMessage());
		}
	}

	private record Key(TenantId tenant, String name) {
	}

}
