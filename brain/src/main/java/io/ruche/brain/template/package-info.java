/**
 * Reply templates: one placeholder syntax, {@code {{name}}}.
 */
@NullMarked
package io.ruche.brain.template;

import org.jspecify.annotations.NullMarked;
