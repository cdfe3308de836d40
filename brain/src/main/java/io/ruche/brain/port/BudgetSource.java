package io.ruche.brain.port;

import io.ruche.brain.model.Budget;
import io.ruche.kernel.model.TenantId;

/**
 * Where the budgets of turns and model tokens come from, besides an agent's own settings
 * (the application combines the platform's configuration with each tenant's settings;
 * docs/brain.md, Budgets). Implementations are thread-safe and cheap to call once per
 * turn.
 */
public interface BudgetSource {

	/**
	 * The budget of a whole tenant: the platform's and the tenant's own, the tighter of
	 * each.
	 * @param tenant the tenant
	 * @return its budget
	 */
	Budget tenant(TenantId tenant);

	/**
	 * The platform's budget of every agent; an agent's own settings may only tighten it.
	 * @return the budget of each agent
	 */
	Budget agent();

}
