package io.ruche.testkit.services;

import java.util.Map;

/**
 * Connection settings of the local PostgreSQL and Redis servers that integration tests
 * use, from environment variables with local defaults.
 *
 * @param pgUrl JDBC URL ({@code RUCHE_TEST_PG_URL})
 * @param pgUser database user ({@code RUCHE_TEST_PG_USER})
 * @param pgPassword database password ({@code RUCHE_TEST_PG_PASSWORD})
 * @param redisHost Redis host ({@code RUCHE_TEST_REDIS_HOST})
 * @param redisPort Redis port ({@code RUCHE_TEST_REDIS_PORT})
 */
public record LocalServices(String pgUrl, String pgUser, String pgPassword, String redisHost, int redisPort) {

	/**
	 * Reads the settings from the process environment.
	 * @return the settings, never null
	 */
	public static LocalServices fromEnvironment() {
		return from(System.getenv());
	}

	/**
	 * Reads the settings from a map of variables.
	 * @param env the variables
	 * @return the settings, with defaults for missing variables
	 */
	public static LocalServices from(Map<String, String> env) {
		return new LocalServices(env.getOrDefault("RUCHE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/ruche_test"),
				env.getOrDefault("RUCHE_TEST_PG_USER", "postgres"), env.getOrDefault("RUCHE_TEST_PG_PASSWORD", ""),
				env.getOrDefault("RUCHE_TEST_REDIS_HOST", "127.0.0.1"),
				Integer.parseInt(env.getOrDefault("RUCHE_TEST_REDIS_PORT", "6379")));
	}

	/**
	 * The Redis address in Redisson's form.
	 * @return {@code redis://host:port}
	 */
	public String redisAddress() {
		return "redis://" + this.redisHost + ":" + this.redisPort;
	}

}
