package io.cairn.employeenps.results;

import java.time.Instant;
import java.util.List;

/** A closed campaign's results as the viewer may see them: the whole campaign (HR only) and each department. */
public record CampaignResults(String campaignId, String campaignName, Instant closedAt, int minGroupSize,
        int minCommentGroupSize, GroupResult overall, List<GroupResult> departments) {
}
