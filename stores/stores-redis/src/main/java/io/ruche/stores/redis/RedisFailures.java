package io.ruche.stores.redis;

import io.ruche.kernel.store.StoreUnavailableException;
import org.redisson.client.RedisException;

/** Translates Redisson failures at the adapters' boundary. */
final class RedisFailures {

	private RedisFailures() {
	}

	static StoreUnavailableException unavailable(String what, RedisException ex) {
		return new StoreUnavailableException("Redis is unavailable (" + what + "): " + ex.getMessage(), ex);
	}

}
