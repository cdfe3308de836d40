/**
 * The PostgreSQL backend: pgvector similarity search in SQL and row-level security bound
 * to the tenant of each transaction.
 */
@NullMarked
package io.ruche.stores.postgres;

import org.jspecify.annotations.NullMarked;
