package io.ruche.server;

import java.util.Arrays;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts Ruche: MCP over Streamable HTTP (and the REST API) by default, or MCP over
 * stdin/stdout with the {@code stdio} argument, where stdout carries only the protocol.
 */
@SpringBootApplication
public class RucheApplication {

	public static void main(String[] args) {
		VirtualThreadCarriers.configure();
		boolean stdio = args.length > 0 && "stdio".equals(args[0]);
		String[] rest = stdio ? Arrays.copyOfRange(args, 1, args.length) : args;
		new SpringApplicationBuilder(RucheApplication.class)
			.web(stdio ? WebApplicationType.NONE : WebApplicationType.SERVLET)
			.bannerMode(stdio ? Banner.Mode.OFF : Banner.Mode.CONSOLE)
			.run(rest);
	}

}
