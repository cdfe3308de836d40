package io.ruche.admin;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web edge (REST API and console), under the prefix {@code platform.web}.
 *
 * @param corsAllowedOrigins the browser origins allowed to call {@code /api/**} from
 * another site ({@code RUCHE_CORS_ALLOWED_ORIGINS}); empty, the default, closes CORS
 * @param hstsMaxAge the {@code Strict-Transport-Security} max-age sent on TLS requests
 */
@ConfigurationProperties("platform.web")
public record ConsoleProperties(@DefaultValue List<String> corsAllowedOrigins,
		@DefaultValue("365d") Duration hstsMaxAge) {
}
