package io.ruche.toolbox.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.ruche.kernel.port.ChangeBroadcast;

/** A single-instance broadcast that remembers what was published. */
public final class RecordingBroadcast implements ChangeBroadcast {

	private final List<ConfigurationChanged> published = new CopyOnWriteArrayList<>();

	private final List<Consumer<ConfigurationChanged>> listeners = new CopyOnWriteArrayList<>();

	@Override
	public void publish(ConfigurationChanged change) {
		this.published.add(change);
		this.listeners.forEach((listener) -> listener.accept(change));
	}

	@Override
	public void subscribe(Consumer<ConfigurationChanged> listener) {
		this.listeners.add(listener);
	}

	public List<ConfigurationChanged> published() {
		return List.copyOf(this.published);
	}

}
