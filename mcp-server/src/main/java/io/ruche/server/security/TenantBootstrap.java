package io.ruche.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

import io.ruche.kernel.files.PrivateFiles;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.TenantStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@code default} tenant and its admin key when the store holds no tenant, as
 * the MCP contract requires. The key is {@code RUCHE_BOOTSTRAP_KEY} when set; otherwise a
 * random key is printed once in the log and written to
 * {@code <data dir>/bootstrap-admin-key}.
 */
public class TenantBootstrap {

	public static final TenantId DEFAULT_TENANT = TenantId.of("default");

	private static final Logger log = LoggerFactory.getLogger(TenantBootstrap.class);

	private static final String BOOTSTRAP_LABEL = "bootstrap admin";

	private final TenantStore tenants;

	private final TenantProvisioning provisioning;

	private final ApiKeyService keys;

	private final Clock clock;

	public TenantBootstrap(TenantStore tenants, TenantProvisioning provisioning, ApiKeyService keys, Clock clock) {
		this.tenants = tenants;
		this.provisioning = provisioning;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Bootstraps when needed.
	 * @param configuredKey the operator's key, or null to generate one
	 * @param dataDir where to write a generated key
	 * @return true when the bootstrap tenant was created now
	 */
	public boolean bootstrapIfEmpty(@Nullable String configuredKey, Path dataDir) {
		if (!this.tenants.list().isEmpty()) {
			return false;
		}
		this.provisioning.create(new Tenant(DEFAULT_TENANT, "default", true, this.clock.instant()), Actor.SYSTEM,
				DEFAULT_TENANT);
		if (configuredKey != null && !configuredKey.isBlank()) {
			this.keys.register(DEFAULT_TENANT, Role.ADMIN, configuredKey.trim(), BOOTSTRAP_LABEL, Actor.SYSTEM);
			log.info("Bootstrap tenant 'default' created with the admin key from RUCHE_BOOTSTRAP_KEY");
			return true;
		}
		ApiKeyService.IssuedKey issued = this.keys.issue(DEFAULT_TENANT, Role.ADMIN, BOOTSTRAP_LABEL, Actor.SYSTEM);
		Path file = dataDir.resolve("bootstrap-admin-key");
		writeKeyFile(file, issued.secret());
		log.warn("Bootstrap tenant 'default' created. Admin API key (shown once, also in {}): {}", file,
				issued.secret());
		return true;
	}

	private static void writeKeyFile(Path file, String secret) {
		try {
			PrivateFiles.replace(file, secret + "\n");
		}
		catch (IOException | UncheckedIOException ex) {
			log.error("Could not write the bootstrap key to {}: {}", file, ex.getMessage());
		}
	}

}
