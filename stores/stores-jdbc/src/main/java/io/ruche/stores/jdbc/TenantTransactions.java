package io.ruche.stores.jdbc;

import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.StoreTransactions;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.kernel.store.StoreDataException;
import io.ruche.kernel.store.StoreException;
import io.ruche.kernel.store.StoreUnavailableException;

import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs store work in transactions, bound to a tenant or platform-wide, and translates
 * driver failures into {@link StoreException}s at this boundary. Work started inside
 * {@link #atomically} joins its transaction.
 */
public final class TenantTransactions implements StoreTransactions {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TenantBinder binder;

	TenantTransactions(DataSource dataSource, TenantBinder binder) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.binder = binder;
	}

	/**
	 * Runs work in a transaction bound to one tenant.
	 * @param <T> the result type
	 * @param tenant the tenant
	 * @param work the work, given the client of the transaction
	 * @return what the work returned
	 * @throws StoreException when the store fails
	 */
	public <T> T inTenant(TenantId tenant, Function<JdbcClient, T> work) {
		return run((jdbc) -> {
			this.binder.bind(jdbc, tenant);
			return work.apply(jdbc);
		});
	}

	@Override
	public <T> T atomically(TenantId tenant, Supplier<T> work) {
		return inTenant(tenant, (jdbc) -> work.get());
	}

	/**
	 * Runs repository calls in a transaction bound to one tenant: they join it, so the
	 * binding applies to them.
	 * @param <T> the result type
	 * @param tenant the tenant
	 * @param work the work
	 * @return what the work returned
	 * @throws StoreException when the store fails
	 */
	public <T> T inTenant(TenantId tenant, Supplier<T> work) {
		return inTenant(tenant, (jdbc) -> work.get());
	}

	/**
	 * Runs work on platform tables (tenants, key lookup), bound to no tenant.
	 * @param <T> the result type
	 * @param work the work, given the client of the transaction
	 * @return what the work returned
	 * @throws StoreException when the store fails
	 */
	public <T> T platform(Function<JdbcClient, T> work) {
		return run(work);
	}

	/**
	 * Runs repository calls on platform tables in one transaction, bound to no tenant.
	 * @param <T> the result type
	 * @param work the work
	 * @return what the work returned
	 * @throws StoreException when the store fails
	 */
	public <T> T platform(Supplier<T> work) {
		return run((jdbc) -> work.get());
	}

	private <T> T run(Function<JdbcClient, T> work) {
		try {
			return this.transactions.execute((status) -> work.apply(this.jdbc));
		}
		catch (DuplicateKeyException ex) {
			// the driver's text names tables, constraints and the statement: never shown
			throw new StoreConflictException("a record with the same key or name already exists");
		}
		catch (DataAccessResourceFailureException | TransientDataAccessResourceException | QueryTimeoutException
				| TransactionException ex) {
			throw new StoreUnavailableException("the database is unavailable: " + rootMessage(ex), ex);
		}
		catch (DataAccessException ex) {
			throw new StoreDataException("stored data could not be read or written: " + rootMessage(ex), ex);
		}
		catch (ConversionException ex) {
			// a JSON column's converter failed inside Spring Data, which wraps what it
			// threw
			if (ex.getCause() instanceof StoreDataException cause) {
				throw cause;
			}
			throw new StoreDataException("stored data could not be read or written: " + rootMessage(ex), ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
