package io.ruche.server.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, hole 8: subscribing to {@code ruche://agents/<guessed name>} told when another
 * tenant changed its agent of that name, and every tenant's sessions heard every
 * {@code list_changed}. Notifications now reach only the sessions of the tenant (and, for
 * tools, of the pinned agent) they concern.
 */
class NotificationScopeIT extends McpSecuritySupport {

	/** Time given to a notification that must not come, after the one that must. */
	private static final Duration GRACE = Duration.ofSeconds(1);

	private static final String UPDATED = McpSchema.METHOD_NOTIFICATION_RESOURCES_UPDATED;

	private static final String LIST_CHANGED = McpSchema.METHOD_NOTIFICATION_RESOURCES_LIST_CHANGED;

	@Test
	void resourceNotificationsReachOnlyTheTenantThatChanged() throws Exception {
		String twin = unique("twin");
		String spyAdmin = newTenant();
		String ownerAdmin = newTenant();
		McpSyncClient owner = client(ownerAdmin);
		call(owner, "agent_upsert", Map.of("name", twin));
		WireTap spy = watch(spyAdmin, "ruche://agents/" + twin);
		WireTap subscriber = watch(ownerAdmin, "ruche://agents/" + twin);

		call(owner, "rule_upsert", Map.of("agent", twin, "rule",
				Map.of("name", "greeting", "condition", "The customer says hello", "action", "Greet back")));

		await("the owner's subscriber notified", () -> !subscriber.notifications(UPDATED).isEmpty()
				&& !subscriber.notifications(LIST_CHANGED).isEmpty());
		pause(GRACE);
		assertThat(subscriber.notifications(UPDATED).get(0).params().toString()).contains("ruche://agents/" + twin);
		assertThat(spy.notifications(UPDATED)).isEmpty();
		assertThat(spy.notifications(LIST_CHANGED)).isEmpty();
	}

	@Test
	void toolListChangesReachOnlySessionsPinnedToTheAgent() throws Exception {
		String admin = newTenant();
		McpSyncClient builder = client(admin);
		String changed = unique("changed");
		String untouched = unique("untouched");
		call(builder, "agent_upsert", Map.of("name", changed));
		call(builder, "agent_upsert", Map.of("name", untouched));
		String tool = unique("lookup").replace('-', '_');
		call(builder, "tool_register",
				Map.of("tool",
						Map.of("name", tool, "description", "Looks an order up.", "kind", "http", "target",
								"http://127.0.0.1:9/lookup", "side_effect", "pure", "input_schema",
								Map.of("type", "object", "properties", Map.of()))));
		List<Object> heardByChanged = new CopyOnWriteArrayList<>();
		List<Object> heardByUntouched = new CopyOnWriteArrayList<>();
		List<Object> heardElsewhere = new CopyOnWriteArrayList<>();
		client(admin, "?agent=" + changed, (spec) -> spec.toolsChangeConsumer(heardByChanged::add));
		client(admin, "?agent=" + untouched, (spec) -> spec.toolsChangeConsumer(heardByUntouched::add));
		String otherAdmin = newTenant();
		call(client(otherAdmin), "agent_upsert", Map.of("name", changed));
		client(otherAdmin, "?agent=" + changed, (spec) -> spec.toolsChangeConsumer(heardElsewhere::add));

		call(builder, "tool_enable", Map.of("agent", changed, "name", tool));

		await("the pinned session told of its new tool", () -> !heardByChanged.isEmpty());
		pause(GRACE);
		assertThat(heardByUntouched).isEmpty();
		assertThat(heardElsewhere).isEmpty();
	}

	private WireTap watch(String key, String uri) {
		WireTap tap = new WireTap(transport(key, "", new AtomicReference<>()));
		client(tap, (spec) -> {
		}).subscribeResource(new McpSchema.SubscribeRequest(uri));
		return tap;
	}

}
