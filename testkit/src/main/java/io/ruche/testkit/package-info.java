/**
 * Contract suites of the store ports, test-data builders and fakes, used at test scope.
 */
@NullMarked
package io.ruche.testkit;

import org.jspecify.annotations.NullMarked;
