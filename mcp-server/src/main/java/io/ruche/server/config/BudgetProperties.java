package io.ruche.server.config;

import java.time.Duration;

import io.ruche.brain.model.Budget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's budgets of turns and model tokens, under the prefix
 * {@code platform.budgets} (docs/configuration.md, Budgets). A tenant's settings and an
 * agent's settings may only tighten them; 0 is no limit.
 *
 * @param tenant the budget of each tenant
 * @param agent the budget of each agent
 * @param tenantSettingsTtl how long an instance keeps a tenant's settings before reading
 * them again (a change made on another instance applies within this time)
 */
@ConfigurationProperties("platform.budgets")
public record BudgetProperties(@DefaultValue Limits tenant, @DefaultValue Limits agent,
		@DefaultValue("10s") Duration tenantSettingsTtl) {

	public BudgetProperties {
		if (tenantSettingsTtl.isNegative()) {
			throw new IllegalArgumentException("platform.budgets.tenant-settings-ttl must not be negative");
		}
	}

	/**
	 * One budget.
	 *
	 * @param turnsPerMinute the most turns in one minute, 0 for no limit
	 * @param modelTokensPerDay the most tokens of the configured model in one UTC day, 0
	 * for no limit
	 */
	public record Limits(@DefaultValue("0") long turnsPerMinute, @DefaultValue("0") long modelTokensPerDay) {

		public Limits {
			if (turnsPerMinute < 0 || modelTokensPerDay < 0) {
				throw new IllegalArgumentException(
						"platform.budgets.*.turns-per-minute and model-tokens-per-day must be 0 (no limit) or more");
			}
		}

		Budget budget() {
			return new Budget(this.turnsPerMinute, this.modelTokensPerDay);
		}

	}

}
