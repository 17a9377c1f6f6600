package io.cairn.employeenps.results;

import io.cairn.employeenps.campaign.Campaign;
import io.cairn.employeenps.campaign.CampaignRepository;
import io.cairn.employeenps.campaign.CampaignService;
import io.cairn.employeenps.department.Department;
import io.cairn.employeenps.department.DepartmentRepository;
import io.cairn.employeenps.department.DepartmentTree;
import io.cairn.employeenps.invitation.InvitationRepository;
import io.cairn.employeenps.survey.ResponseRepository;
import io.cairn.platform.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Results of closed campaigns under the anonymity rules: scores only for groups of at least the minimum
 * size, comments only for groups of at least the comment minimum, and never a set of shown figures from
 * which a smaller group could be computed ({@link Suppression}). Every view (results, export, trend, dual
 * NPS, a leader's part) is cut from the same per-campaign computation, so combining views reveals nothing
 * more than the full HR view does. Results are released when a campaign closes: figures that moved with each
 * answer would tell how the last person answered.
 */
@Service
public class ResultsService {

    static final String WHOLE = "*";

    private final CampaignRepository campaigns;
    private final CampaignService lifecycle;
    private final DepartmentRepository departments;
    private final InvitationRepository invitations;
    private final ResponseRepository responses;

    public ResultsService(CampaignRepository campaigns, CampaignService lifecycle, DepartmentRepository departments,
            InvitationRepository invitations, ResponseRepository responses) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.departments = departments;
        this.invitations = invitations;
        this.responses = responses;
    }

    public CampaignResults results(String campaignId, Viewer viewer) {
        Campaign campaign = lifecycle.get(campaignId);
        Instant now = lifecycle.now();
        if (campaign.statusAt(now) != Campaign.Status.CLOSED) {
            throw new ApiException(HttpStatus.CONFLICT, "RESULTS_NOT_RELEASED",
                    "Results are released when the campaign closes; until then only participation is shown");
        }
        Computed computed = compute(campaign, true);
        return new CampaignResults(campaign.id(), campaign.name(), campaign.closedAtOrDeadline(now),
                campaign.minGroupSize(), campaign.minCommentGroupSize(),
                viewer.sees(null, computed.scope()) ? computed.groups().get(WHOLE) : null,
                computed.departmentGroups().stream().filter(g -> viewer.sees(g.department(), computed.scope())).toList());
    }

    /** Invited and answered counts per department, at any time: counts, never scores. */
    public List<Participation> participation(String campaignId, Viewer viewer) {
        Campaign campaign = lifecycle.get(campaignId);
        Computed computed = compute(campaign, false);
        List<Participation> rows = new ArrayList<>();
        for (GroupResult g : computed.groups().values()) {
            if (viewer.sees(g.department(), computed.scope())) {
                rows.add(new Participation(g.department(), g.name(), g.parent(), g.depth(), g.invited(), g.answered(),
                        g.responseRate()));
            }
        }
        return rows;
    }

    /** One group (a department, or the whole campaign when {@code department} is null) across closed campaigns. */
    public List<TrendPoint> trend(String department, Viewer viewer) {
        if (department == null && !viewer.everything()) {
            throw forbidden("A leader's trend is for a department of theirs: give ?department=");
        }
        List<TrendPoint> points = new ArrayList<>();
        for (Campaign campaign : closedCampaigns(null, null)) {
            Computed computed = compute(campaign, false);
            String key = department == null ? WHOLE : department;
            GroupResult group = computed.groups().get(key);
            if (group != null && viewer.sees(department, computed.scope())) {
                points.add(new TrendPoint(campaign.id(), campaign.name(), campaign.closedAtOrDeadline(lifecycle.now()),
                        group.withoutComments()));
            }
        }
        return points;
    }

    /**
     * eNPS per department for a window: each department's group from the latest campaign closed in the window
     * that covered it (so every figure is one already shown, under that campaign's suppression).
     */
    public List<DepartmentNps> byDepartment(Instant from, Instant to, Viewer viewer) {
        Map<String, DepartmentNps> latest = new LinkedHashMap<>();
        for (Campaign campaign : closedCampaigns(from, to)) {
            Computed computed = compute(campaign, false);
            Instant closedAt = campaign.closedAtOrDeadline(lifecycle.now());
            for (GroupResult group : computed.departmentGroups()) {
                if (viewer.sees(group.department(), computed.scope())) {
                    latest.put(group.department(), new DepartmentNps(group.department(), group.name(), campaign.id(),
                            campaign.name(), closedAt, group.withoutComments()));
                }
            }
        }
        return latest.values().stream().sorted(Comparator.comparing(DepartmentNps::department)).toList();
    }

    /** Campaigns closed in the window, oldest first. */
    private List<Campaign> closedCampaigns(Instant from, Instant to) {
        Instant now = lifecycle.now();
        return campaigns.findAll().stream()
                .filter(c -> c.statusAt(now) == Campaign.Status.CLOSED)
                .filter(c -> from == null || !c.closedAtOrDeadline(now).isBefore(from))
                .filter(c -> to == null || !c.closedAtOrDeadline(now).isAfter(to))
                .sorted(Comparator.comparing(c -> c.closedAtOrDeadline(now)))
                .toList();
    }

    private Computed compute(Campaign campaign, boolean withComments) {
        DepartmentTree scope = campaign.scopeTree(departments::tree);
        Map<String, List<String>> children = new HashMap<>();
        children.put(WHOLE, scope.roots());
        scope.departments().forEach(d -> children.put(d.code(), scope.children(d.code())));

        Map<String, long[]> direct = new HashMap<>();
        for (ResponseRepository.Count count : responses.counts(campaign.id())) {
            // a response of a department outside the frozen scope cannot happen; count it in the whole if it does
            String node = scope.contains(count.department()) ? count.department() : WHOLE;
            direct.computeIfAbsent(node, k -> new long[11])[count.score()] += count.n();
        }
        Map<String, Long> directN = new HashMap<>();
        direct.forEach((node, dist) -> directN.put(node, java.util.Arrays.stream(dist).sum()));
        Map<String, Long> invitedDirect = new HashMap<>(invitations.invitedPerDepartment(campaign.id()));

        Suppression suppression = new Suppression(children, WHOLE, directN);
        Set<String> scores = suppression.visible(campaign.minGroupSize(), node -> true);
        Set<String> comments = suppression.visible(campaign.minCommentGroupSize(), scores::contains);

        Map<String, List<String>> commentTexts = withComments && !comments.isEmpty()
                ? responses.commentsByDepartment(campaign.id()) : Map.of();
        Set<String> everyone = allNodes(scope);
        Map<String, GroupResult> groups = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        order.add(WHOLE);
        order.addAll(scope.depthFirst());
        for (String node : order) {
            Set<String> members = WHOLE.equals(node) ? everyone : scope.subtree(node);
            long[] distribution = new long[11];
            long invited = 0;
            for (String member : members) {
                long[] d = direct.get(member);
                if (d != null) {
                    for (int i = 0; i < 11; i++) {
                        distribution[i] += d[i];
                    }
                }
                invited += invitedDirect.getOrDefault(member, 0L);
            }
            long answered = suppression.total(node);
            boolean shown = scores.contains(node);
            String hiddenRule = shown ? null : answered < campaign.minGroupSize() ? HiddenWording.FEWER_THAN_MINIMUM
                    : HiddenWording.PROTECTS_SMALLER_GROUP;
            String hiddenReason = shown ? null : HiddenWording.figures(hiddenRule, campaign.minGroupSize(), Locale.ENGLISH);
            boolean commentsShown = comments.contains(node);
            String commentsReason = commentsShown ? null : HiddenWording.comments(answered < campaign.minCommentGroupSize()
                    ? HiddenWording.FEWER_THAN_MINIMUM : HiddenWording.PROTECTS_SMALLER_GROUP,
                    campaign.minCommentGroupSize(), Locale.ENGLISH);
            // alphabetical, never in the order they came in
            List<String> texts = commentsShown && withComments ? members.stream()
                    .flatMap(m -> commentTexts.getOrDefault(m, List.of()).stream()).sorted().toList() : List.of();
            Department d = WHOLE.equals(node) ? null : scope.get(node);
            groups.put(node, new GroupResult(d == null ? null : d.code(), d == null ? campaign.name() : d.name(),
                    d == null ? null : d.parent(), d == null ? 0 : scope.depth(node) + 1, invited, answered,
                    invited == 0 ? null : Math.round(1000.0 * answered / invited) / 10.0, !shown, hiddenRule, hiddenReason,
                    shown ? Figures.of(distribution) : null, !commentsShown, commentsReason, texts));
        }
        return new Computed(scope, groups);
    }

    private static Set<String> allNodes(DepartmentTree scope) {
        Set<String> all = new java.util.LinkedHashSet<>(scope.depthFirst());
        all.add(WHOLE);
        return all;
    }

    private static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    private record Computed(DepartmentTree scope, Map<String, GroupResult> groups) {

        List<GroupResult> departmentGroups() {
            return groups.values().stream().filter(g -> g.department() != null).toList();
        }
    }

    /** Invited and answered counts of a group; {@code responseRate} in percent. */
    public record Participation(String department, String name, String parent, int depth, long invited, long answered,
            Double responseRate) {
    }

    public record TrendPoint(String campaignId, String campaignName, Instant closedAt, GroupResult group) {
    }

    public record DepartmentNps(String department, String name, String campaignId, String campaignName,
            Instant closedAt, GroupResult group) {
    }
}
