package io.ruche.stores.embedded.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded backend.
 *
 * @param dataDir the data directory; the database lives in {@code <dataDir>/ruche}.
 * Defaults to {@code RUCHE_DATA_DIR}, else {@code ./data}
 */
@ConfigurationProperties(EmbeddedStoresProperties.PREFIX)
public record EmbeddedStoresProperties(@Nullable String dataDir) {

	public static final String PREFIX = "platform.stores.embedded";

}
