package io.cairn.employeenps.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A campaign as clients see it: its status as of now, and whether results are released (once closed). */
public record CampaignView(String id, String name, String company, Map<String, String> question,
        Map<String, String> openQuestion, String language, List<String> departments, Instant opensAt,
        Instant closesAt, Campaign.Status status, boolean resultsReleased, int minGroupSize, int minCommentGroupSize,
        Instant createdAt, Instant openedAt, Instant closedAt, long version) {

    public static CampaignView of(Campaign c, Instant now) {
        Campaign.Status status = c.statusAt(now);
        return new CampaignView(c.id(), c.name(), c.company(), c.question(), c.openQuestion(), c.language(),
                c.departments(), c.opensAt(), c.closesAt(), status, status == Campaign.Status.CLOSED, c.minGroupSize(),
                c.minCommentGroupSize(), c.createdAt(), c.openedAt(), c.closedAtOrDeadline(now), c.version());
    }
}
