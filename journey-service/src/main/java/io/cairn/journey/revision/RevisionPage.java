package io.cairn.journey.revision;

import java.util.List;

/** A page of a journey's history, newest first. */
public record RevisionPage(List<Revision.Summary> items, long total, int offset, int limit) {
}
