package io.ruche.stores.redis;

import java.time.Duration;
import java.util.List;

import io.ruche.brain.port.UsageCounters;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The budgets' counters in Redis, shared by every instance: one integer key per counter,
 * {@code <prefix>usage:<key>}, whose expiry is its window. Each call is one Lua script,
 * so that the check and the addition are one step for every instance.
 */
final class RedissonUsageCounters implements UsageCounters {

	// KEYS[1] the counter; ARGV amount, limit (-1: none), window in ms. Returns {added,
	// used, ms left}.
	private static final String ADD = """
			local used = tonumber(redis.call('GET', KEYS[1]) or '0')
			local amount = tonumber(ARGV[1])
			local limit = tonumber(ARGV[2])
			if limit >= 0 and used + amount > limit then
			  return {0, used, redis.call('PTTL', KEYS[1])}
			end
			used = redis.call('INCRBY', KEYS[1], amount)
			local left = redis.call('PTTL', KEYS[1])
			if left < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[3])
			  left = tonumber(ARGV[3])
			end
			return {1, used, left}
			""";

	private static final String READ = """
			return {1, tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}
			""";

	private final RedissonClient redisson;

	private final String keyPrefix;

	RedissonUsageCounters(RedissonClient redisson, String keyPrefix) {
		this.redisson = redisson;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Usage tryAdd(String key, long amount, long limit, Duration window) {
		if (amount < 1 || limit < 1) {
			throw new IllegalArgumentException("a counted amount and its limit must be at least 1");
		}
		return run(ADD, key, String.valueOf(amount), String.valueOf(limit), millis(window));
	}

	@Override
	public Usage add(String key, long amount, Duration window) {
		return run(ADD, key, String.valueOf(amount), "-1", millis(window));
	}

	@Override
	public Usage read(String key) {
		return run(READ, key);
	}

	private static String millis(Duration window) {
		if (window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("a window must be positive");
		}
		return String.valueOf(Math.max(1, window.toMillis()));
	}

	private Usage run(String script, String key, Object... arguments) {
		try {
			List<Object> reply = this.redisson.getScript(StringCodec.INSTANCE)
				.eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.LIST,
						List.of(this.keyPrefix + "usage:" + key), arguments);
			long left = number(reply.get(2));
			return new Usage(number(reply.get(0)) == 1, number(reply.get(1)),
					(left > 0) ? Duration.ofMillis(left) : Duration.ZERO);
		}
		catch (RedisException ex) {
			throw RedisFailures.unavailable("usage counter", ex);
		}
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : Long.parseLong(String.valueOf(value));
	}

}
