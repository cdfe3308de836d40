/**
 * The listeners behind {@link io.ruche.toolbox.upstream.UpstreamListeners}.
 */
@NullMarked
package io.ruche.toolbox.upstream.internal;

import org.jspecify.annotations.NullMarked;
