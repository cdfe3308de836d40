/**
 * Spring configuration that exposes the JDBC adapters as beans of their ports.
 */
@NullMarked
package io.ruche.stores.jdbc.config;

import org.jspecify.annotations.NullMarked;
