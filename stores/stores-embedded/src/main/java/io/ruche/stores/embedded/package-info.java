/**
 * The embedded backend: H2 on disk for the persisted ports and in-process coordination
 * (session locks, rate limits, change broadcast) for a single instance.
 */
@NullMarked
package io.ruche.stores.embedded;

import org.jspecify.annotations.NullMarked;
