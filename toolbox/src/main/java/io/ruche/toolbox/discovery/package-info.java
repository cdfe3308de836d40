/**
 * Discovery of tools by need: hybrid lexical and semantic ranking that explains each
 * score.
 */
@NullMarked
package io.ruche.toolbox.discovery;

import org.jspecify.annotations.NullMarked;
