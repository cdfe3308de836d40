/**
 * Records shared by all modules: tenants, keys, roles, paging and audit records.
 */
@NullMarked
package io.ruche.kernel.model;

import org.jspecify.annotations.NullMarked;
