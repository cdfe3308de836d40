package io.ruche.testkit.contract.brain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link AgentVersionStore} adapter shares.
 */
public abstract class AbstractAgentVersionStoreContractTests {

	private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");

	private final TenantId tenant = Moments.uniqueTenant();

	private AgentVersionStore store;

	protected abstract AgentVersionStore createStore();

	@BeforeEach
	void setUpStore() {
		this.store = createStore();
	}

	@Test
	void keepsEveryFieldOfAVersion() {
		AgentVersion version = version("agt_1", 1, "agent: {name: shop}\nrules: []\n");

		this.store.append(version);

		assertThat(this.store.find(this.tenant, "agt_1", 1)).contains(version);
		assertThat(this.store.find(this.tenant, "agt_1", 2)).isEmpty();
	}

	@Test
	void refusesANumberTheAgentAlreadyHas() {
		this.store.append(version("agt_1", 1, "first"));

		assertThatExceptionOfType(StoreConflictException.class)
			.isThrownBy(() -> this.store.append(version("agt_1", 1, "concurrent")));
		assertThat(this.store.find(this.tenant, "agt_1", 1)).map(AgentVersion::document).contains("first");
	}

	@Test
	void numbersBelongToOneAgentOfOneTenant() {
		TenantId other = Moments.uniqueTenant();
		this.store.append(version("agt_1", 1, "one"));
		this.store.append(version("agt_2", 1, "two"));
		this.store.append(new AgentVersion(other, "agt_1", 1, "key_b", "agent.upsert shop", AT, "other tenant"));

		assertThat(this.store.latest(this.tenant, "agt_1")).map(AgentVersion::document).contains("one");
		assertThat(this.store.latest(other, "agt_1")).map(AgentVersion::document).contains("other tenant");
		assertThat(this.store.latest(this.tenant, "agt_3")).isEmpty();
	}

	@Test
	void listsNewestFirstPageByPage() {
		for (int number = 1; number <= 5; number++) {
			this.store.append(version("agt_1", number, "v" + number));
		}

		Page<AgentVersion> first = this.store.list(this.tenant, "agt_1", PageRequest.first(3));
		Page<AgentVersion> second = this.store.list(this.tenant, "agt_1", new PageRequest(3, first.nextCursor()));

		assertThat(first.items()).extracting(AgentVersion::number).containsExactly(5L, 4L, 3L);
		assertThat(second.items()).extracting(AgentVersion::number).containsExactly(2L, 1L);
		assertThat(second.nextCursor()).isNull();
		assertThat(this.store.latest(this.tenant, "agt_1")).map(AgentVersion::number).contains(5L);
	}

	@Test
	void keepsALargeDocument() {
		String document = "rules:\n" + "  - name: r\n    action: " + "x".repeat(200_000) + "\n";

		this.store.append(version("agt_1", 1, document));

		assertThat(this.store.find(this.tenant, "agt_1", 1)).map(AgentVersion::document).contains(document);
	}

	private AgentVersion version(String agentId, long number, String document) {
		return new AgentVersion(this.tenant, agentId, number, "key_builder", "rule.upsert refunds",
				AT.truncatedTo(ChronoUnit.MICROS), document);
	}

}
