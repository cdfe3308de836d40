/**
 * Deterministic fakes of the platform's models, for tests.
 */
@NullMarked
package io.ruche.testkit.fakes;

import org.jspecify.annotations.NullMarked;
