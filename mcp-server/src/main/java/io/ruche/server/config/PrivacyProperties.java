package io.ruche.server.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of personal data, under {@code platform.privacy} (docs/privacy.md). The key
 * that seals personal values is the platform's secret key
 * ({@code platform.toolbox.secret-key}, {@code RUCHE_SECRET_KEY}).
 *
 * @param previousKeys earlier secret keys (Base64), which still open the values sealed
 * under them until the privacy round has re-sealed them
 * ({@code RUCHE_PREVIOUS_SECRET_KEYS}, separated by commas)
 * @param maintenanceInterval how often the privacy round (retention purge, re-sealing)
 * runs across the cluster ({@code RUCHE_PRIVACY_MAINTENANCE_INTERVAL})
 */
@ConfigurationProperties("platform.privacy")
public record PrivacyProperties(@DefaultValue List<String> previousKeys,
		@DefaultValue("1h") Duration maintenanceInterval) {
}
