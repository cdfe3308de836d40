package io.ruche.stores.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * The converters of the JSON text columns: each {@link JsonBody} record to and from its
 * text.
 */
final class JsonColumns {

	private JsonColumns() {
	}

	static List<GenericConverter> converters(Json json) {
		Set<Class<?>> bodies = Arrays.stream(JsonBody.class.getPermittedSubclasses()).collect(Collectors.toSet());
		return List.of(new Writer(json, bodies), new Reader(json, bodies));
	}

	@WritingConverter
	private record Writer(Json json, Set<Class<?>> bodies) implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return this.bodies.stream()
				.map((body) -> new ConvertiblePair(body, String.class))
				.collect(Collectors.toSet());
		}

		@Override
		public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			return (source != null) ? this.json.write(source) : null;
		}

	}

	@ReadingConverter
	private record Reader(Json json, Set<Class<?>> bodies) implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return this.bodies.stream()
				.map((body) -> new ConvertiblePair(String.class, body))
				.collect(Collectors.toSet());
		}

		@Override
		public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			return (source != null) ? this.json.read((String) source, targetType.getType()) : null;
		}

	}

}
