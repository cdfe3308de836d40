/**
 * Adapters of the brain's outbound ports: the Spring AI language model and the Micrometer
 * turn metrics.
 */
@NullMarked
package io.ruche.server.brain;

import org.jspecify.annotations.NullMarked;
