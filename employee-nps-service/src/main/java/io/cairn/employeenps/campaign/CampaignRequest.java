package io.cairn.employeenps.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new campaign, or the fields to change on a draft (absent fields stay as they are).
 *
 * @param question            eNPS question per language ({@code en}, {@code zh-CN}, {@code zh-TW}); standard text where absent
 * @param openQuestion        optional open question per language
 * @param language            the survey's language (the page offers the others too)
 * @param departments         target departments; each brings the departments below it
 * @param minGroupSize        fewest responses a group needs for its scores to show (default 5, at least 3)
 * @param minCommentGroupSize fewest responses a group needs for its comments to show (default 10)
 * @param expectedVersion     for changes: the version the change is based on
 */
public record CampaignRequest(@Size(max = 200) String name, @Size(max = 200) String company,
        Map<String, String> question, Map<String, String> openQuestion, String language,
        @Size(max = 1000) List<String> departments, Instant opensAt, Instant closesAt,
        @Max(100000) Integer minGroupSize, @Max(100000) Integer minCommentGroupSize, Long expectedVersion) {
}
