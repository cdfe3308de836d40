package io.ruche.server.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST API's role check: every handler of {@code io.ruche.server.api} declares the
 * role it needs, and this is the one place that enforces it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class RestApiConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RoleCheck()).addPathPatterns("/api/**");
	}

}
