package io.cairn.touchpoint.touchpoint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Search over all touchpoints: text in name or description, and exact filters. {@code ownerTeam} may be
 * repeated: touchpoints owned by any of those teams (how the dual NPS view finds a department's touchpoints).
 */
public record TouchpointSearch(@Size(max = 200) String text, Channel channel, Dimension dimension,
        @Size(max = 500) java.util.List<@Size(max = 100) String> ownerTeam, @Size(max = 100) String journeyId, @Min(0) Integer offset,
        @Min(1) @Max(200) Integer limit) {

    public int offsetOrDefault() {
        return offset == null ? 0 : offset;
    }

    public int limitOrDefault() {
        return limit == null ? 50 : limit;
    }
}
