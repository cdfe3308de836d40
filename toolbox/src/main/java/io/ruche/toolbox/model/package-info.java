/**
 * The Toolbox's domain records: tool definitions, activations, invocations and their
 * outcomes.
 */
@NullMarked
package io.ruche.toolbox.model;

import org.jspecify.annotations.NullMarked;
