/**
 * Contract suites of the kernel's ports: tenants, keys, audit and coordination.
 */
@NullMarked
package io.ruche.testkit.contract.kernel;

import org.jspecify.annotations.NullMarked;
