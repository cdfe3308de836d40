package io.ruche.kernel.model;

/**
 * An item with a relevance score.
 *
 * @param <T> the item type
 * @param item the item
 * @param score the score; higher is more relevant
 */
public record Scored<T>(T item, double score) {
}
