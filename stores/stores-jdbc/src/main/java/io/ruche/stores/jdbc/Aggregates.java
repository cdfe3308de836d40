package io.ruche.stores.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.convert.DataAccessStrategy;
import org.springframework.data.jdbc.core.convert.DelegatingDataAccessStrategy;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.JdbcConfiguration;
import org.springframework.data.jdbc.repository.support.JdbcRepositoryFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Spring Data JDBC over the stores' database, built here rather than by an application
 * context so that every backend and test gets the same repositories from a data source.
 * Its statements join the transaction of {@link TenantTransactions} (both reach the
 * connection through the same data source), so the tenant binding covers them.
 */
final class Aggregates {

	private final JdbcAggregateTemplate template;

	private final JdbcRepositoryFactory repositories;

	Aggregates(DataSource dataSource, JdbcDialect dialect, Json json) {
		NamedParameterJdbcTemplate operations = new NamedParameterJdbcTemplate(dataSource);
		List<Object> converters = new ArrayList<>(JsonColumns.converters(json));
		converters.add(new OffsetDateTimeToInstant());
		JdbcCustomConversions conversions = JdbcConfiguration.createCustomConversions(dialect, converters);
		// unquoted names: H2 (DATABASE_TO_LOWER) and PostgreSQL both fold them to the
		// lower-case names of the migrations, whereas H2's dialect quotes upper case
		JdbcMappingContext context = JdbcMappingContext.forPlainIdentifiers();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		// the converter resolves relations through the strategy, which needs it
		DelegatingDataAccessStrategy relations = new DelegatingDataAccessStrategy();
		JdbcConverter converter = JdbcConfiguration.createConverter(context, operations, relations, conversions,
				dialect);
		DataAccessStrategy access = JdbcConfiguration.createDataAccessStrategy(operations, converter, null, dialect);
		relations.setDelegate(access);
		this.template = new JdbcAggregateTemplate(converter, access);
		this.template.setEntityLifecycleEventsEnabled(false);
		this.repositories = new JdbcRepositoryFactory(this.template);
		// the repositories are package-private: their proxies must come from the loader
		// that
		// defined them, not from the thread's (a servlet container's while Tomcat starts)
		this.repositories.setBeanClassLoader(Aggregates.class.getClassLoader());
	}

	/**
	 * The template, for the inserts of rows whose key is known before they exist (a
	 * repository's {@code save} would update them).
	 * @return the template
	 */
	JdbcAggregateTemplate template() {
		return this.template;
	}

	<R> R repository(Class<R> type) {
		return this.repositories.getRepository(type);
	}

	/** H2 reads {@code TIMESTAMP WITH TIME ZONE} as an {@link OffsetDateTime}. */
	@ReadingConverter
	private static final class OffsetDateTimeToInstant implements Converter<OffsetDateTime, Instant> {

		@Override
		public Instant convert(OffsetDateTime source) {
			return source.toInstant();
		}

	}

}
