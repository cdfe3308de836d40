package io.ruche.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts Ruche: MCP over Streamable HTTP by default, or over stdio with the {@code stdio}
 * argument.
 */
@SpringBootApplication
public class RucheApplication {

	public static void main(String[] args) {
		SpringApplication.run(RucheApplication.class, args);
	}

}
