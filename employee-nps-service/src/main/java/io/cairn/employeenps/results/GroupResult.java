package io.cairn.employeenps.results;

import java.util.List;

/**
 * One group of a campaign's results: a department with everything below it, or the whole campaign
 * ({@code department} null). When {@code hidden}, {@code figures} is null, {@code hiddenRule} names the rule
 * ({@code FEWER_THAN_MINIMUM} or {@code PROTECTS_SMALLER_GROUP}) and {@code hiddenReason} says it in words;
 * comments show only for groups that reach the comment minimum.
 */
public record GroupResult(String department, String name, String parent, int depth, long invited, long answered,
        Double responseRate, boolean hidden, String hiddenRule, String hiddenReason, Figures figures, boolean commentsHidden,
        String commentsHiddenReason, List<String> comments) {

    /** The same group for views that list no comments (trend, dual NPS, exports). */
    public GroupResult withoutComments() {
        return new GroupResult(department, name, parent, depth, invited, answered, responseRate, hidden, hiddenRule, hiddenReason,
                figures, true, null, List.of());
    }
}
