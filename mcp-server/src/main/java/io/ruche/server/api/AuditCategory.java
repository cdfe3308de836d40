package io.ruche.server.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.ruche.server.wire.InvalidArgumentsException;

/**
 * The kinds of audit records {@code GET /api/audit?category=} keeps, by their actions
 * (see docs/api.md, The audit log).
 */
enum AuditCategory {

	/**
	 * Every change of an agent's configuration, of the Toolbox and of the tenant's
	 * settings.
	 */
	CONFIGURATION("agent.upsert", "agent.import", "agent.rollback", "agent.tools", "agent.delete", "rule.upsert",
			"rule.delete", "scenario.upsert", "scenario.delete", "tool.register", "tool.resync", "tool.remove",
			"tool.enable", "tool.disable", "tenant.settings"),

	/** Turns, the sessions they belong to, and what is erased or purged of them. */
	CONVERSATION("turn.converse", "turn.guidance", "turn.commit", "session.close", "interlocutor.erase", "turns.purge"),

	/** Tool calls, as they start and end. */
	TOOLS("tool.invoke.start", "tool.invoke"),

	/** Keys and tenants. */
	ACCESS("key.create", "key.label", "key.revoke", "tenant.create");

	private final Set<String> actions;

	AuditCategory(String... actions) {
		this.actions = Set.of(actions);
	}

	Set<String> actions() {
		return this.actions;
	}

	static AuditCategory parse(String name) {
		return Arrays.stream(values())
			.filter((category) -> category.name().toLowerCase(Locale.ROOT).equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidArgumentsException(
					"unknown audit category '" + name + "': one of " + String.join(", ", names())));
	}

	private static List<String> names() {
		return Arrays.stream(values()).map((category) -> category.name().toLowerCase(Locale.ROOT)).toList();
	}

}
