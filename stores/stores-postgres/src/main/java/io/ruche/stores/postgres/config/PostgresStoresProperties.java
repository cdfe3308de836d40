package io.ruche.stores.postgres.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PostgreSQL backend; the connection itself comes from
 * {@code spring.datasource.*}.
 *
 * @param rlsRole the role every tenant transaction switches to so that row-level security
 * applies; empty not to switch
 * @param embeddingDimensions the dimensions of the {@code vector} columns, fixed when the
 * schema is created
 */
@ConfigurationProperties(PostgresStoresProperties.PREFIX)
public record PostgresStoresProperties(@DefaultValue("ruche_app") String rlsRole,
		@DefaultValue("384") int embeddingDimensions) {

	public static final String PREFIX = "platform.stores.postgres";

}
