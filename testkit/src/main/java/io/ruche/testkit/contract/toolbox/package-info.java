/**
 * Contract suites of the Toolbox's store ports.
 */
@NullMarked
package io.ruche.testkit.contract.toolbox;

import org.jspecify.annotations.NullMarked;
