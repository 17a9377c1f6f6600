package io.cairn.platform.revision;

import java.util.List;

/** What differs between the journey as of revision {@code from} and as of revision {@code to}. */
public record RevisionDiff(long from, long to, List<Change> changes) {
}
