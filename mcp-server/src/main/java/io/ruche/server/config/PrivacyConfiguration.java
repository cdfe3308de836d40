package io.ruche.server.config;

import java.time.Clock;
import java.util.Base64;
import java.util.List;

import io.ruche.brain.InterlocutorData;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.PersonalDataStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.TenantStore;
import io.ruche.server.brain.PrivacyMaintenance;
import io.ruche.server.mcp.PrivacyTools;
import io.ruche.server.toolbox.ToolboxSecretKey;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires personal data: the keyring (the platform's secret key, and the previous keys of a
 * rotation), export and erasure ({@code interlocutor_export},
 * {@code interlocutor_erase}), and the periodic privacy round (docs/privacy.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

	@Bean
	Keyring keyring(ToolboxProperties toolbox, PlatformProperties platform, PrivacyProperties privacy) {
		byte[] current = ToolboxSecretKey.resolve(toolbox.secretKey(), platform.dataDir()).key();
		List<byte[]> previous = privacy.previousKeys()
			.stream()
			.filter((key) -> !key.isBlank())
			.map((key) -> Base64.getDecoder().decode(key.strip()))
			.toList();
		return Keyring.create(current, previous);
	}

	@Bean
	InterlocutorData interlocutorData(InterlocutorStore interlocutors, PersonalDataStore personalData, TurnStore turns,
			AuditLog audit, Keyring keyring, Clock clock) {
		return InterlocutorData.create(interlocutors, personalData, turns, audit, keyring, clock);
	}

	@Bean
	PrivacyTools privacyTools(InterlocutorData data) {
		return new PrivacyTools(data);
	}

	@Bean(destroyMethod = "close")
	PrivacyMaintenance privacyMaintenance(TenantStore tenants, InterlocutorData data, RateLimits limits,
			Keyring keyring, PrivacyProperties privacy) {
		return new PrivacyMaintenance(tenants, data, limits, keyring, privacy.maintenanceInterval());
	}

	@Bean
	SmartLifecycle privacyRounds(PrivacyMaintenance maintenance) {
		return new CallbackLifecycle(maintenance::start, maintenance::close, SmartLifecycle.DEFAULT_PHASE);
	}

}
