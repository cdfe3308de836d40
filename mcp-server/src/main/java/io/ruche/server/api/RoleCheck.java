package io.ruche.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.ruche.server.security.AccessDeniedException;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks each REST handler's {@link RequiresRole} against the caller's key, in one place,
 * before the handler runs. A handler of this package without the annotation is refused:
 * forgetting it fails closed.
 */
public final class RoleCheck implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)
				|| !method.getBeanType().getPackageName().equals(RoleCheck.class.getPackageName())) {
			return true;
		}
		RequiresRole required = method.getMethodAnnotation(RequiresRole.class);
		if (required == null) {
			throw new IllegalStateException(method.getShortLogMessage() + " declares no @RequiresRole");
		}
		if (!(request.getAttribute(BearerAuthenticationFilter.PRINCIPAL) instanceof Principal principal)) {
			throw new AccessDeniedException(required.operation() + " needs an API key");
		}
		if (required.platformAdmin() && !principal.platformAdmin()) {
			throw new AccessDeniedException(required.operation() + " needs an admin key of the bootstrap tenant");
		}
		principal.require(required.value(), required.operation());
		return true;
	}

}
