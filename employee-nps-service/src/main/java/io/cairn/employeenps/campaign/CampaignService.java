package io.cairn.employeenps.campaign;

import io.cairn.employeenps.config.EnpsProperties;
import io.cairn.employeenps.department.DepartmentRepository;
import io.cairn.employeenps.department.DepartmentTree;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Campaign lifecycle: DRAFT (editable) -> OPEN (taking answers until it closes) -> CLOSED (results released). */
@Service
public class CampaignService {

    public static final int FLOOR_GROUP_SIZE = 3;
    static final int DEFAULT_GROUP_SIZE = 5;
    static final int DEFAULT_COMMENT_GROUP_SIZE = 10;

    private final CampaignRepository campaigns;
    private final DepartmentRepository departments;
    private final EnpsProperties properties;
    private final Clock clock;

    public CampaignService(CampaignRepository campaigns, DepartmentRepository departments, EnpsProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.departments = departments;
        this.properties = properties;
        this.clock = clock;
    }

    public Campaign create(CampaignRequest request, String actor) {
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.badRequest(Refusal.of("campaign.nameRequired", "A campaign needs a name"));
        }
        Campaign draft = build(null, request, actor);
        return campaigns.insert(draft);
    }

    public Campaign get(String id) {
        return campaigns.findById(id).orElseThrow(() -> ApiException.notFound("Campaign", id));
    }

    public List<Campaign> list(Campaign.Status status) {
        Instant now = now();
        return campaigns.findAll().stream().filter(c -> status == null || c.statusAt(now) == status).toList();
    }

    public Campaign update(String id, CampaignRequest request) {
        Campaign current = current(id, request.expectedVersion());
        requireStatus(current, Campaign.Status.DRAFT, "changed");
        Campaign updated = build(current, request, current.createdBy());
        return replace(updated, current);
    }

    public Campaign open(String id, Long expectedVersion) {
        Campaign current = current(id, expectedVersion);
        requireStatus(current, Campaign.Status.DRAFT, "opened");
        Instant now = now();
        if (current.departments().isEmpty()) {
            throw ApiException.badRequest(Refusal.of("campaign.departmentsRequired",
                    "A campaign opens with at least one target department"));
        }
        DepartmentTree tree = departments.tree();
        current.departments().forEach(code -> {
            if (!tree.contains(code)) {
                throw ApiException.badRequest(Refusal.of("campaign.departmentGone",
                        "Target department {0} no longer exists", code));
            }
        });
        if (current.closesAt() == null || !current.closesAt().isAfter(now)) {
            throw ApiException.badRequest(Refusal.of("campaign.closesInThePast",
                    "A campaign opens with a closing time in the future (closesAt)"));
        }
        DepartmentTree scope = current.scopeTree(() -> tree);
        return replace(current.with(Campaign.Status.OPEN, List.copyOf(scope.departments()), now, null), current);
    }

    public Campaign close(String id, Long expectedVersion) {
        Campaign current = current(id, expectedVersion);
        Instant now = now();
        if (current.statusAt(now) != Campaign.Status.OPEN) {
            throw ApiException.invalidState("Campaign " + id + " is " + current.statusAt(now) + "; only an open campaign can be closed");
        }
        return replace(current.with(Campaign.Status.CLOSED, current.scope(), current.openedAt(), now), current);
    }

    public void deleteDraft(String id) {
        Campaign current = get(id);
        requireStatus(current, Campaign.Status.DRAFT, "deleted");
        campaigns.delete(id);
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Campaign build(Campaign base, CampaignRequest r, String actor) {
        String company = pick(r.company(), base == null ? properties.company() : base.company());
        Map<String, String> question = r.question() != null || r.company() != null || base == null
                ? Questions.enps(company, r.question() != null ? r.question() : base == null ? null : base.question())
                : base.question();
        Map<String, String> openQuestion = r.openQuestion() != null ? Questions.open(r.openQuestion())
                : base == null ? null : base.openQuestion();
        String language = Questions.language(pick(r.language(), base == null ? null : base.language()));
        List<String> targets = r.departments() != null ? normalise(r.departments())
                : base == null ? List.of() : base.departments();
        DepartmentTree tree = departments.tree();
        targets.forEach(code -> {
            if (!tree.contains(code)) {
                throw ApiException.badRequest(Refusal.of("campaign.unknownDepartment",
                        "Department {0} does not exist", code));
            }
        });
        Instant opensAt = r.opensAt() != null ? r.opensAt() : base == null ? null : base.opensAt();
        Instant closesAt = r.closesAt() != null ? r.closesAt() : base == null ? null : base.closesAt();
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            throw ApiException.badRequest(Refusal.of("campaign.closesBeforeOpening", "closesAt must be after opensAt"));
        }
        int min = r.minGroupSize() != null ? r.minGroupSize() : base == null ? DEFAULT_GROUP_SIZE : base.minGroupSize();
        if (min < FLOOR_GROUP_SIZE) {
            throw ApiException.badRequest(Refusal.of("campaign.groupTooSmall",
                    "minGroupSize is {0}; anonymity needs at least {1}", min, FLOOR_GROUP_SIZE));
        }
        int commentMin = r.minCommentGroupSize() != null ? r.minCommentGroupSize()
                : base == null || base.minCommentGroupSize() < min ? Math.max(DEFAULT_COMMENT_GROUP_SIZE, min)
                : base.minCommentGroupSize();
        if (commentMin < min) {
            throw ApiException.badRequest(Refusal.of("campaign.commentGroupTooSmall",
                    "minCommentGroupSize ({0}) must be at least minGroupSize ({1})", commentMin, min));
        }
        String name = r.name() != null && !r.name().isBlank() ? r.name().trim() : base.name();
        Instant now = now();
        return new Campaign(base == null ? UUID.randomUUID().toString() : base.id(), name, company, question,
                openQuestion, language, targets, opensAt, closesAt, Campaign.Status.DRAFT, min, commentMin, null,
                base == null ? now : base.createdAt(), null, null, actor, base == null ? 1 : base.version() + 1);
    }

    private Campaign replace(Campaign updated, Campaign current) {
        if (!campaigns.replace(updated, current.version())) {
            throw ApiException.conflict("Campaign " + current.id() + " has changed; reload it", get(current.id()).version());
        }
        return updated;
    }

    private Campaign current(String id, Long expectedVersion) {
        Campaign current = get(id);
        if (expectedVersion == null) {
            throw ApiException.badRequest("expectedVersion is required");
        }
        if (current.version() != expectedVersion) {
            throw ApiException.conflict("Campaign " + id + " is at version " + current.version(), current.version());
        }
        return current;
    }

    private void requireStatus(Campaign c, Campaign.Status status, String action) {
        Campaign.Status now = c.statusAt(now());
        if (now != status) {
            throw ApiException.invalidState("Campaign " + c.id() + " is " + now + "; only a " + status + " campaign can be " + action);
        }
    }


    private static List<String> normalise(List<String> codes) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        codes.forEach(code -> unique.add(code == null ? "" : code.trim().toLowerCase(java.util.Locale.ROOT)));
        return List.copyOf(unique);
    }

    private static String pick(String given, String fallback) {
        return given != null && !given.isBlank() ? given.trim() : fallback;
    }
}
