package io.ruche.server.brain;

import java.util.function.Function;

import io.ruche.brain.model.Budget;
import io.ruche.brain.port.BudgetSource;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;

/**
 * The budgets of the platform's configuration, tightened by each tenant's settings.
 */
public final class ConfiguredBudgets implements BudgetSource {

	private final Budget tenantLimit;

	private final Budget agentLimit;

	private final Function<TenantId, TenantSettings> settings;

	/**
	 * @param tenantLimit the platform's budget of each tenant
	 * @param agentLimit the platform's budget of each agent
	 * @param settings a tenant's settings (read once per turn: keep them cached)
	 */
	public ConfiguredBudgets(Budget tenantLimit, Budget agentLimit, Function<TenantId, TenantSettings> settings) {
		this.tenantLimit = tenantLimit;
		this.agentLimit = agentLimit;
		this.settings = settings;
	}

	@Override
	public Budget tenant(TenantId tenant) {
		TenantSettings own = this.settings.apply(tenant);
		return this.tenantLimit.within(new Budget(own.turnsPerMinute(), own.modelTokensPerDay()));
	}

	@Override
	public Budget agent() {
		return this.agentLimit;
	}

}
