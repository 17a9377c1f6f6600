package io.cairn.metrics.alert;

import io.cairn.metrics.score.Metric;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When to open a case. {@code touchpointId} null = every touchpoint of the journey.
 * <ul>
 * <li>BELOW_TARGET: the metric's score over the last {@code windowDays} is under {@code threshold} (without one:
 * under the touchpoint's own target for the metric; a touchpoint without a target is not judged), with at
 * least {@code minN} answers;</li>
 * <li>DROP: the score fell by at least {@code dropPoints} against the previous window of the same length,
 * by more than the 95% margin of the difference, √(m₁² + m₂²) (a drop beyond the margins of error);</li>
 * <li>DETRACTOR_COMMENT: a single answer NPS 0-6 or CSAT 1-2 that carries a comment (a customer to follow up).</li>
 * </ul>
 */
@Document("alert_rules")
public record AlertRule(@Id String id, String journeyId, String touchpointId, Type type, Metric metric,
        Double threshold, Double dropPoints, int windowDays, int minN, int slaHours, boolean enabled,
        String createdBy, Instant createdAt) {

    public enum Type { BELOW_TARGET, DROP, DETRACTOR_COMMENT }

    /** A new rule as a client sends it. */
    public record Input(@NotBlank @Size(max = 100) String journeyId, @Size(max = 100) String touchpointId,
            @NotNull Type type, @NotNull Metric metric, Double threshold, @Min(0) Double dropPoints,
            @Min(1) @Max(365) Integer windowDays, @Min(1) @Max(100000) Integer minN,
            @Min(1) @Max(24 * 90) Integer slaHours, Boolean enabled) {
    }
}
