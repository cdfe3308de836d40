package io.ruche.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web edge shared by the REST API and the console: the console's static files at
 * {@code /console}, security headers on every response, CORS (closed unless origins are
 * configured) and the OpenAPI description with its bearer scheme.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleAutoConfiguration {

	static final String BEARER_SCHEME = "bearer";

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(ConsoleProperties properties) {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
				new SecurityHeadersFilter(properties.hstsMaxAge()));
		registration.addUrlPatterns("/*");
		registration.setAsyncSupported(true);
		registration.setOrder(0);
		return registration;
	}

	@Bean
	WebMvcConfigurer consoleWebMvc(ConsoleProperties properties) {
		return new WebMvcConfigurer() {

			@Override
			public void addViewControllers(ViewControllerRegistry registry) {
				registry.addRedirectViewController("/console", "/console/");
				registry.addViewController("/console/").setViewName("forward:/console/index.html");
				registry.addRedirectViewController("/", "/console/");
			}

			@Override
			public void addCorsMappings(CorsRegistry registry) {
				if (!properties.corsAllowedOrigins().isEmpty()) {
					registry.addMapping("/api/**")
						.allowedOriginPatterns(properties.corsAllowedOrigins().toArray(String[]::new))
						.allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE")
						.allowedHeaders(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH)
						.exposedHeaders(HttpHeaders.ETAG, HttpHeaders.LOCATION)
						.allowCredentials(false);
				}
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI rucheOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Ruche admin REST API")
				.version("v1")
				.description("Tenants, keys, agents, rules, scenarios, tools, sessions, traces and audit records. "
						+ "Authenticate with 'Authorization: Bearer <api key>'. Errors are RFC 9457 problem details. "
						+ "Writes of versioned resources accept 'If-Match' with the ETag read."))
			.components(new Components().addSecuritySchemes(BEARER_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API key")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
	}

}
