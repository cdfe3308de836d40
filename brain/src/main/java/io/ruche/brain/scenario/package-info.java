/**
 * Scenario navigation: a per-session state machine written as data (entry, advance, skip,
 * relocalize, exit), driven each turn by CEL conditions, meaning and collected fields.
 */
@NullMarked
package io.ruche.brain.scenario;

import org.jspecify.annotations.NullMarked;
