package io.ruche.server.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.ruche.kernel.model.Role;

/**
 * The least role a REST handler needs, checked before it runs by {@link RoleCheck}. Every
 * handler of this package declares one (an architecture test says so), so an endpoint
 * cannot be added without deciding who may call it.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresRole {

	/**
	 * The role needed.
	 * @return the role; higher roles include the lower ones
	 */
	Role value();

	/**
	 * What the caller is doing, for the refusal's message ("listing rules needs the
	 * 'viewer' role").
	 * @return the operation
	 */
	String operation();

	/**
	 * Whether the key must also belong to the bootstrap tenant (tenant administration).
	 * @return true for platform operations
	 */
	boolean platformAdmin() default false;

}
