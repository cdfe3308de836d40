package io.ruche.server.api;

import java.lang.reflect.Method;

import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.security.AccessDeniedException;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleCheckTests {

	private final RoleCheck check = new RoleCheck();

	@Test
	void refusesAKeyBelowTheDeclaredRoleNamingTheOperation() throws Exception {
		assertThatThrownBy(() -> handle("build", Role.VIEWER, false)).isInstanceOf(AccessDeniedException.class)
			.hasMessage("building needs the 'builder' role; this key has 'viewer'");
		assertThat(handle("build", Role.ADMIN, false)).isTrue();
	}

	@Test
	void platformOperationsNeedTheBootstrapTenant() throws Exception {
		assertThatThrownBy(() -> handle("administer", Role.ADMIN, false)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("bootstrap tenant");
		assertThat(handle("administer", Role.ADMIN, true)).isTrue();
	}

	@Test
	void aHandlerWithoutADeclaredRoleIsRefused() {
		assertThatThrownBy(() -> handle("undeclared", Role.ADMIN, true)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("declares no @RequiresRole");
	}

	private boolean handle(String name, Role role, boolean platformAdmin) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(BearerAuthenticationFilter.PRINCIPAL,
				new Principal(TenantId.of("acme"), role, "key_1", platformAdmin));
		Method method = Handlers.class.getDeclaredMethod(name);
		return this.check.preHandle(request, new MockHttpServletResponse(), new HandlerMethod(new Handlers(), method));
	}

	static class Handlers {

		@RequiresRole(value = Role.BUILDER, operation = "building")
		void build() {
		}

		@RequiresRole(value = Role.ADMIN, operation = "administering", platformAdmin = true)
		void administer() {
		}

		void undeclared() {
		}

	}

}
