package io.ruche.toolbox.builtin.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.ruche.toolbox.builtin.BuiltinTool;

/** {@code clock.now}: the current date and time in a time zone. */
public final class ClockNowTool implements BuiltinTool {

	private final Clock clock;

	public ClockNowTool(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String name() {
		return "clock.now";
	}

	@Override
	public String description() {
		return "Current date and time, optionally in an IANA time zone such as Europe/Paris";
	}

	@Override
	public Map<String, Object> inputSchema() {
		return Map.of("type", "object", "properties", Map.of("zone", Map.of("type", "string")));
	}

	@Override
	public Object call(Map<String, Object> arguments) {
		Object zoneName = arguments.getOrDefault("zone", "UTC");
		ZoneId zone;
		try {
			zone = ZoneId.of(String.valueOf(zoneName));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("unknown time zone '" + zoneName + "'");
		}
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(zone));
		return Map.of("iso", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), "zone", zone.getId(), "epoch_ms",
				now.toInstant().toEpochMilli(), "day_of_week", now.getDayOfWeek().name());
	}

}
