package io.ruche.server.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem body from a servlet or filter, where Spring MVC's own
 * problem handling does not reach.
 */
public final class ProblemResponse {

	private ProblemResponse() {
	}

	/**
	 * Answers with a problem.
	 * @param response the response, not yet committed
	 * @param status the HTTP status
	 * @param title the short, fixed title of the problem
	 * @param detail what happened and what to do, in the caller's terms
	 * @param extensions further members of the problem
	 * @throws IOException when the body cannot be written
	 */
	public static void write(HttpServletResponse response, int status, String title, String detail,
			Map<String, Object> extensions) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.putAll(extensions);
		response.setStatus(status);
		response.setCharacterEncoding("UTF-8");
		response.setContentType("application/problem+json");
		response.getWriter().write(JsonMapper.shared().writeValueAsString(problem));
	}

}
