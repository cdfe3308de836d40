/**
 * Enforcement of reply constraints: which apply, two lanes of checks (CEL fail-closed, an
 * optional model judge), and remediation so that a violating reply never leaves.
 */
@NullMarked
package io.ruche.brain.enforce;

import org.jspecify.annotations.NullMarked;
