/**
 * The scenario navigator and its step-skipping search.
 */
@NullMarked
package io.ruche.brain.scenario.internal;

import org.jspecify.annotations.NullMarked;
