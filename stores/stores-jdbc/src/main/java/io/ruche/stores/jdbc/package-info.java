/**
 * JDBC adapters of every persisted store port, shared by the embedded (H2) and PostgreSQL
 * backends, and the strategies (vector search, tenant binding) that differ between them.
 */
@NullMarked
package io.ruche.stores.jdbc;

import org.jspecify.annotations.NullMarked;
