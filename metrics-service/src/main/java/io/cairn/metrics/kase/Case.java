package io.cairn.metrics.kase;

import io.cairn.metrics.alert.AlertRule;
import io.cairn.metrics.score.Metric;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A problem to act on, assigned to the team that owns the touchpoint. {@code openKey} (rule and
 * touchpoint) is set while the case is not resolved; a unique index on it makes a second open case
 * for the same rule and touchpoint impossible.
 */
@Document("cases")
public record Case(@Id String id, String openKey, String ruleId, String journeyId, String touchpointId,
        String touchpointName, Metric metric, String ownerTeam, String title, String reason, Status status,
        String resolutionNote, Instant openedAt, Instant dueAt, Instant updatedAt, List<Event> history, long version,
        Finding finding) {

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    /**
     * The figures that opened the case, for clients that word {@code title} and {@code reason} (English) in
     * their user's language: the score now (n, margin), the rule's threshold and window, the previous window's
     * score for a drop, the answer and its comment for a detractor. Absent on cases opened before it was kept.
     */
    public record Finding(AlertRule.Type kind, Double score, Long n, Double margin,
            Double threshold, Integer days, Double previousScore, Long previousN, String comment, Instant answeredAt) {

        public static Finding belowTarget(double score, long n, Double margin, double threshold, int days) {
            return new Finding(AlertRule.Type.BELOW_TARGET, score, n, margin, threshold, days, null, null, null, null);
        }

        public static Finding drop(double score, long n, double previousScore, long previousN, int days) {
            return new Finding(AlertRule.Type.DROP, score, n, null, null, days, previousScore, previousN, null, null);
        }

        public static Finding detractor(int score, String comment, Instant answeredAt) {
            return new Finding(AlertRule.Type.DETRACTOR_COMMENT, (double) score, null, null, null, null, null, null,
                    comment, answeredAt);
        }
    }

    /** One change of the case: who, when, what. */
    public record Event(Instant at, String actor, String action, String note) {
    }
}
