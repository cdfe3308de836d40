package io.ruche.stores.redis;

import java.util.function.Consumer;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes changes on the Redis topic {@code <prefix>changes}, which every instance
 * (this one included) listens to. A message is the four fields separated by the unit
 * separator character.
 */
final class RedissonChangeBroadcast implements ChangeBroadcast {

	private static final Logger logger = LoggerFactory.getLogger(RedissonChangeBroadcast.class);

	private static final String SEPARATOR = "\u001f";

	private final RTopic topic;

	RedissonChangeBroadcast(RedissonClient redisson, String keyPrefix) {
		this.topic = redisson.getTopic(keyPrefix + "changes", StringCodec.INSTANCE);
	}

	@Override
	public void publish(ConfigurationChanged change) {
		try {
			this.topic.publish(String.join(SEPARATOR, change.tenant().value(), change.agentId(), change.kind(),
					change.objectId()));
		}
		catch (RedisException ex) {
			throw RedisFailures.unavailable("change broadcast", ex);
		}
	}

	@Override
	public void subscribe(Consumer<ConfigurationChanged> listener) {
		try {
			this.topic.addListener(String.class, (channel, message) -> {
				String[] fields = message.split(SEPARATOR, -1);
				if (fields.length != 4) {
					logger.warn("Ignoring a malformed configuration change message on {}", channel);
					return;
				}
				listener.accept(new ConfigurationChanged(TenantId.of(fields[0]), fields[1], fields[2], fields[3]));
			});
		}
		catch (RedisException ex) {
			throw RedisFailures.unavailable("change broadcast", ex);
		}
	}

}
