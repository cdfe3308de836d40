package io.ruche.brain.configuration;

import java.util.Map;

/**
 * The export document of an agent, which is also the body of each of its versions: the
 * edge owns the format, the brain stores and compares documents through it.
 */
public interface AgentDocumentFormat {

	/**
	 * Writes a snapshot as a document.
	 * @param snapshot the snapshot
	 * @return the document text
	 */
	String write(AgentSnapshot snapshot);

	/**
	 * Reads a document written by {@link #write}.
	 * @param document the document text
	 * @return the snapshot it describes
	 */
	AgentSnapshot read(String document);

	/**
	 * The document as nested maps and lists with the names its readers see, for diffs:
	 * {@code agent} (a map), {@code rules} and {@code scenarios} (lists of maps with a
	 * {@code name}), {@code tools} (a list of names).
	 * @param snapshot the snapshot
	 * @return the tree
	 */
	Map<String, Object> tree(AgentSnapshot snapshot);

}
