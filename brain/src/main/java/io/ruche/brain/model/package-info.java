/**
 * The brain's domain records: agents, rules, scenarios, sessions, turns and traces.
 */
@NullMarked
package io.ruche.brain.model;

import org.jspecify.annotations.NullMarked;
