package io.cairn.platform.revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;

/**
 * One applied change of a versioned document: who, when, what operation, what changed, and the
 * document as it was afterwards ({@code snapshot}, used to diff and restore). {@code number} equals
 * the document version the change produced.
 */
public record Revision(@Id String id, String documentId, long number, String operation, String actor, Instant at,
        List<Change> changes, Map<String, Object> snapshot) {

    public static String id(String documentId, long number) {
        return documentId + ":" + number;
    }

    /**
     * The revision of a change from {@code before} (null for a creation) to {@code after}, which is at
     * version {@code number}. {@code auditFields} (version, timestamps, ...) are left out of the changes.
     */
    public static Revision of(String documentId, long number, Object before, Object after, String operation,
            String actor, Instant at, java.util.Set<String> auditFields) {
        return new Revision(id(documentId, number), documentId, number, operation, actor, at,
                JsonDiff.between(before, after, auditFields), JsonDiff.toMap(after));
    }

    /** The snapshot as the document type it was taken from. */
    public <T> T snapshotAs(Class<T> type) {
        return JsonDiff.fromMap(snapshot, type);
    }

    /** The list entry of this revision: everything but the snapshot. */
    public Summary summary() {
        return new Summary(number, operation, actor, at, changes);
    }

    public record Summary(long number, String operation, String actor, Instant at, List<Change> changes) {
    }
}
