package io.ruche.server.mcp;

import java.io.PrintWriter;
import java.io.Writer;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescedAnswerResponseTests {

	@Test
	void takesResultsAndErrorsForAnswers() {
		assertThat(CoalescedAnswerResponse.carriesAnswer("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n"))
			.isTrue();
		assertThat(CoalescedAnswerResponse.carriesAnswer("data: {\"jsonrpc\":\"2.0\",\"id\":-7,\"error\":{}}\n\n"))
			.isTrue();
		assertThat(CoalescedAnswerResponse
			.carriesAnswer("data: {\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b,\\\"result\\\"\",\"result\":{}}\n\n")).isTrue();
	}

	@Test
	void takesNothingElseForAnAnswer() {
		// a request to the client (sampling, elicitation) must reach it before the answer
		assertThat(CoalescedAnswerResponse
			.carriesAnswer("data: {\"jsonrpc\":\"2.0\",\"method\":\"sampling/createMessage\",\"id\":\"s-1\"}\n\n"))
			.isFalse();
		assertThat(CoalescedAnswerResponse
			.carriesAnswer("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n\n"))
			.isFalse();
		assertThat(CoalescedAnswerResponse
			.carriesAnswer("data: {\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"roots/list\"}\n\n")).isFalse();
		assertThat(CoalescedAnswerResponse.carriesAnswer("data: {\"jsonrpc\":\"2.0\",\"id\":\"open")).isFalse();
		assertThat(CoalescedAnswerResponse.carriesAnswer("data: {\"jsonrpc\":\"2.0\",\"id\":")).isFalse();
		assertThat(CoalescedAnswerResponse.carriesAnswer("event: message\n")).isFalse();
	}

	@Test
	void flushesEveryEventButTheAnswerWhichLeavesWithTheEndOfTheStream() throws Exception {
		Wire wire = new Wire();
		PrintWriter writer = new CoalescedAnswerResponse(wire.response()).getWriter();

		writer.write("event: message\n");
		writer.write("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n\n");
		writer.flush();
		assertThat(wire.sent).contains("notifications/progress");
		assertThat(wire.held).isEmpty();

		writer.write("event: message\n");
		writer.write("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n");
		writer.flush();
		assertThat(writer.checkError()).isFalse();
		assertThat(wire.sent.toString()).doesNotContain("result");
		assertThat(wire.held.toString()).endsWith("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n");

		writer.close();
		assertThat(wire.sent.toString()).endsWith("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n");
	}

	/** A response whose writer keeps what was written apart from what was flushed. */
	private static final class Wire extends Writer {

		final StringBuilder sent = new StringBuilder();

		final StringBuilder held = new StringBuilder();

		MockHttpServletResponse response() {
			PrintWriter writer = new PrintWriter(this);
			return new MockHttpServletResponse() {
				@Override
				public PrintWriter getWriter() {
					return writer;
				}
			};
		}

		@Override
		public void write(char[] text, int offset, int length) {
			this.held.append(text, offset, length);
		}

		@Override
		public void flush() {
			this.sent.append(this.held);
			this.held.setLength(0);
		}

		@Override
		public void close() {
			flush();
		}

	}

}
