/**
 * The egress check and its relays, created through
 * {@link io.ruche.toolbox.egress.Egress#create}.
 */
@NullMarked
package io.ruche.toolbox.egress.internal;

import org.jspecify.annotations.NullMarked;
