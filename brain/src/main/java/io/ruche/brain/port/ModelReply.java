package io.ruche.brain.port;

/**
 * A completion.
 *
 * @param text the generated text
 * @param inputTokens tokens read, 0 when unknown
 * @param outputTokens tokens generated, 0 when unknown
 */
public record ModelReply(String text, int inputTokens, int outputTokens) {
}
