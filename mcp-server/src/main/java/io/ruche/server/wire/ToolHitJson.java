package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.toolbox.discovery.ToolHit;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.number;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A tool found by a search, as {@code tools_search} and {@code GET /api/tools/search}
 * answer it.
 */
public final class ToolHitJson {

	public static final Map<String, Object> SCHEMA = object().required("name", string("Tool name"))
		.required("description", string("What it does"))
		.required("score", number("Relevance, 0-1"))
		.required("input_schema", anyObject("JSON Schema of the arguments"))
		.property("enabled", bool("Whether the agent may use it (when agent was given)"))
		.property("explanation", anyObject("lexical and semantic scores"))
		.build();

	private ToolHitJson() {
	}

	public static Map<String, Object> write(ToolHit hit) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", hit.name());
		map.put("description", hit.description());
		map.put("score", Rounding.score(hit.score().combined()));
		map.put("input_schema", hit.inputSchema());
		if (hit.enabled() != null) {
			map.put("enabled", hit.enabled());
		}
		map.put("explanation", Map.of("lexical", Rounding.score(hit.score().lexical()), "semantic",
				Rounding.score(hit.score().semantic())));
		return map;
	}

}
