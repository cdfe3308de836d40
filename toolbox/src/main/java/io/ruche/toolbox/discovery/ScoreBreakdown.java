package io.ruche.toolbox.discovery;

/**
 * Why a tool ranked where it did.
 *
 * @param lexical the BM25 score of the query's words in the tool's name and description,
 * divided by the best lexical score among the candidates (0 to 1)
 * @param semantic the cosine similarity of the query and the tool's embedding, clamped to
 * 0 to 1; 0 when the tool is outside the semantic candidate pool
 * @param combined {@code lexicalWeight * lexical + semanticWeight * semantic}
 */
public record ScoreBreakdown(double lexical, double semantic, double combined) {
}
