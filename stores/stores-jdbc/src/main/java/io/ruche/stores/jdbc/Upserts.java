package io.ruche.stores.jdbc;

import io.ruche.kernel.store.StoreConflictException;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/**
 * Inserts or updates rows whose key the caller chooses, which a repository's {@code save}
 * cannot tell apart.
 */
final class Upserts {

	private final JdbcAggregateTemplate template;

	Upserts(JdbcAggregateTemplate template) {
		this.template = template;
	}

	/**
	 * Writes a row in the current transaction.
	 * @param row the row
	 * @param key its key
	 */
	<T> void write(T row, Object key) {
		if (this.template.existsById(key, row.getClass())) {
			this.template.update(row);
		}
		else {
			this.template.insert(row);
		}
	}

	/**
	 * Runs an upsert transaction again when a concurrent first write inserted the same
	 * row meanwhile: the second run updates it.
	 * @param upsert the transaction
	 */
	static void retryingOnce(Runnable upsert) {
		try {
			upsert.run();
		}
		catch (StoreConflictException ex) {
			upsert.run();
		}
	}

}
