package io.ruche.brain.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.ruche.brain.configuration.AgentDocumentFormat;
import io.ruche.brain.configuration.AgentSnapshot;

/**
 * A document format for tests without the edge's YAML: a document is a key to the
 * snapshot kept in memory, and the tree holds the fields the tests compare.
 */
public final class SnapshotDocuments implements AgentDocumentFormat {

	private final Map<String, AgentSnapshot> documents = new ConcurrentHashMap<>();

	private final AtomicLong next = new AtomicLong();

	@Override
	public String write(AgentSnapshot snapshot) {
		String key = "doc-" + this.next.incrementAndGet();
		this.documents.put(key, snapshot);
		return key;
	}

	@Override
	public AgentSnapshot read(String document) {
		return this.documents.get(document);
	}

	@Override
	public Map<String, Object> tree(AgentSnapshot snapshot) {
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("agent",
				Map.of("name", snapshot.agent().name(), "persona", String.valueOf(snapshot.agent().persona())));
		tree.put("rules",
				snapshot.rules()
					.stream()
					.map((r) -> Map.of("name", r.name(), "condition", r.content().condition(), "action",
							r.content().action(), "priority", r.priority()))
					.toList());
		tree.put("scenarios", snapshot.scenarios().stream().map((s) -> Map.of("name", s.name())).toList());
		tree.put("tools", List.copyOf(snapshot.tools()));
		return tree;
	}

}
