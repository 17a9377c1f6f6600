package io.cairn.platform.revision;

import java.util.List;

/** A page of a journey's history, newest first. */
public record RevisionPage(List<Revision.Summary> items, long total, int offset, int limit) {
}
