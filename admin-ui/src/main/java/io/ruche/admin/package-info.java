/**
 * The admin REST API and web console.
 */
@NullMarked
package io.ruche.admin;

import org.jspecify.annotations.NullMarked;
