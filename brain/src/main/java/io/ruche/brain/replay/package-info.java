/**
 * The replay of recorded conversations against a candidate configuration (see
 * docs/configuration.md, Replay): what to replay and what the sandbox found.
 */
@NullMarked
package io.ruche.brain.replay;

import org.jspecify.annotations.NullMarked;
