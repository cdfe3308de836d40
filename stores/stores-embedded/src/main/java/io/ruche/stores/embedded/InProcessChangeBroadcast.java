package io.ruche.stores.embedded;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.ruche.kernel.port.ChangeBroadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers changes to the listeners of this process, in the publisher's thread. */
final class InProcessChangeBroadcast implements ChangeBroadcast {

	private static final Logger logger = LoggerFactory.getLogger(InProcessChangeBroadcast.class);

	private final List<Consumer<ConfigurationChanged>> listeners = new CopyOnWriteArrayList<>();

	@Override
	public void publish(ConfigurationChanged change) {
		for (Consumer<ConfigurationChanged> listener : this.listeners) {
			try {
				listener.accept(change);
			}
			catch (RuntimeException ex) {
				logger.warn("A configuration change listener failed on {}", change, ex);
			}
		}
	}

	@Override
	public void subscribe(Consumer<ConfigurationChanged> listener) {
		this.listeners.add(listener);
	}

}
