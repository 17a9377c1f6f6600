package io.cairn.platform.revision;

/**
 * One difference between two versions of a document: where ({@code path}, e.g. {@code name},
 * {@code stages[id=s1].name}, {@code stages.order}) and the value before and after (null when absent).
 */
public record Change(String path, Object before, Object after) {
}
