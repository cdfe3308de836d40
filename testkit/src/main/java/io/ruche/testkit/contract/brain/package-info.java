/**
 * Contract suites of the brain's store ports.
 */
@NullMarked
package io.ruche.testkit.contract.brain;

import org.jspecify.annotations.NullMarked;
