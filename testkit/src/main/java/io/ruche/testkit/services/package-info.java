/**
 * Connection settings of the local PostgreSQL and Redis servers used by integration
 * tests.
 */
@NullMarked
package io.ruche.testkit.services;

import org.jspecify.annotations.NullMarked;
