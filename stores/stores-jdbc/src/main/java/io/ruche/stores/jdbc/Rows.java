package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Column conversions and paging shared by the adapters.
 */
final class Rows {

	private Rows() {
	}

	/** Instants are kept to the microsecond, the precision of the timestamp columns. */
	static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	static @Nullable Instant nullableMicros(@Nullable Instant instant) {
		return (instant != null) ? micros(instant) : null;
	}

	static OffsetDateTime ts(Instant instant) {
		return micros(instant).atOffset(ZoneOffset.UTC);
	}

	/**
	 * Positional parameters some of which bind SQL NULL, for
	 * {@code StatementSpec.params(List)}: {@code params(Object...)} declares its elements
	 * non-null although JDBC binds a null as SQL NULL, while {@code params(List<?>)}
	 * accepts null elements and binds them the same way.
	 */
	static List<@Nullable Object> withNulls(@Nullable Object... values) {
		return Arrays.asList(values);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Instant value = nullableInstant(rs, column);
		if (value == null) {
			throw new SQLException("column " + column + " is null");
		}
		return value;
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static TenantId tenant(ResultSet rs) throws SQLException {
		return TenantId.of(rs.getString("tenant_id"));
	}

	/**
	 * The SQL suffix fetching one row more than the page, to know whether more follow.
	 */
	static String limitOffset(PageRequest request) {
		return " LIMIT " + limitPlusOne(request) + " OFFSET " + request.offset();
	}

	/**
	 * The rows to fetch for a page: one more than it holds, to know whether more follow.
	 */
	static int limitPlusOne(PageRequest request) {
		return request.limit() + 1;
	}

	static <T> Page<T> page(List<T> rowsPlusOne, PageRequest request) {
		if (rowsPlusOne.size() <= request.limit()) {
			return new Page<>(rowsPlusOne, null);
		}
		return new Page<>(rowsPlusOne.subList(0, request.limit()),
				Integer.toString(request.offset() + request.limit()));
	}

	static <T, R> List<R> map(List<T> items, Function<T, R> mapper) {
		return items.stream().map(mapper).toList();
	}

}
