/**
 * Regular expressions written by users (scenario fields, tool schemas), compiled for a
 * linear-time engine so that no pattern can make a match take exponential time.
 */
@NullMarked
package io.ruche.kernel.regex;

import org.jspecify.annotations.NullMarked;
