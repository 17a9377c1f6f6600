package io.cairn.metrics.kase;

import io.cairn.metrics.alert.AlertRule;
import io.cairn.metrics.analysis.TouchpointInfo;
import io.cairn.metrics.webhook.WebhookDispatcher;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Act: cases opened by rules, assigned to the touchpoint's team, acknowledged, resolved with a note. */
@Service
public class CaseService {

    private final CaseRepository cases;
    private final WebhookDispatcher webhooks;
    private final Clock clock;

    public CaseService(CaseRepository cases, WebhookDispatcher webhooks, Clock clock) {
        this.cases = cases;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * Opens a case for {@code rule} on {@code touchpoint}, unless one is still open for both: then the new
     * finding is added to that case's history instead. Answers the case. A case resolved meanwhile takes no
     * finding: a new case is opened for it, so a finding is never lost.
     */
    public Case open(AlertRule rule, String touchpointId, TouchpointInfo touchpoint, String title, String reason,
            Case.Finding finding) {
        String openKey = rule.id() + "|" + touchpointId;
        boolean repeatable = rule.type() != AlertRule.Type.DETRACTOR_COMMENT;
        for (int attempt = 0; attempt < 5; attempt++) {
            var existing = cases.findOpen(openKey);
            if (existing.isPresent()) {
                var added = addFinding(existing.get(), reason, repeatable);
                if (added.isPresent()) {
                    return added.get();
                }
                continue;
            }
            Instant now = now();
            Case fresh = new Case(UUID.randomUUID().toString(), openKey, rule.id(), rule.journeyId(), touchpointId,
                    touchpoint == null ? null : touchpoint.name(), rule.metric(),
                    touchpoint == null ? null : touchpoint.ownerTeam(), title, reason, Case.Status.OPEN, null, now,
                    now.plus(Duration.ofHours(rule.slaHours())), now, List.of(new Case.Event(now, "cairn", "OPENED", reason)), 1, finding);
            if (cases.insertUnlessOpen(fresh)) {
                webhooks.publish("case.opened", fresh, "cairn");
                return fresh;
            }
            // another finding opened it first: add this one to it on the next turn
        }
        throw new IllegalStateException("The case of " + openKey + " kept changing; the finding was not recorded");
    }

    public Case get(String id) {
        return cases.findById(id).orElseThrow(() -> ApiException.notFound("Case", id));
    }

    public List<Case> find(Case.Status status, String team, String journeyId, int offset, int limit) {
        return cases.find(status, team, journeyId, offset, limit);
    }

    public Case acknowledge(String id, long expectedVersion, String note, String actor) {
        Case current = current(id, expectedVersion);
        if (current.status() != Case.Status.OPEN) {
            throw ApiException.invalidState(Refusal.of("case.acknowledgeNotOpen",
                    "Case {0} is {1}; only an open case can be acknowledged", id, current.status()));
        }
        Case updated = change(current, Case.Status.ACKNOWLEDGED, current.openKey(), null, actor, "ACKNOWLEDGED", note);
        webhooks.publish("case.acknowledged", updated, actor);
        return updated;
    }

    public Case resolve(String id, long expectedVersion, String note, String actor) {
        if (note == null || note.isBlank()) {
            throw ApiException.badRequest(Refusal.of("case.noteRequired",
                    "A case is resolved with a note saying what was done"));
        }
        Case current = current(id, expectedVersion);
        if (current.status() == Case.Status.RESOLVED) {
            throw ApiException.invalidState(Refusal.of("case.alreadyResolved", "Case {0} is already resolved", id));
        }
        // no open key any more: the next finding of the rule opens a new case
        Case updated = change(current, Case.Status.RESOLVED, null, note.trim(), actor, "RESOLVED", note.trim());
        webhooks.publish("case.resolved", updated, actor);
        return updated;
    }

    /**
     * Adds a finding to a case still open; empty when the case was resolved meanwhile. A finding a rule makes
     * at every evaluation (below target, a drop) replaces the last one of the same kind rather than adding
     * one per run (a case left open a month would otherwise hold thousands); each detractor's comment is kept.
     */
    private Optional<Case> addFinding(Case current, String reason, boolean repeatable) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Case latest = attempt == 0 ? current : get(current.id());
            if (latest.status() == Case.Status.RESOLVED) {
                return Optional.empty();
            }
            Case.Event event = new Case.Event(now(), "cairn", "FOUND_AGAIN", reason);
            List<Case.Event> history = new ArrayList<>(latest.history());
            if (repeatable && history.get(history.size() - 1).action().equals("FOUND_AGAIN")) {
                history.remove(history.size() - 1);
            }
            history.add(event);
            Case updated = withHistory(latest, latest.status(), latest.openKey(), latest.resolutionNote(), history, event.at());
            if (cases.replace(updated, latest.version())) {
                return Optional.of(updated);
            }
        }
        throw new IllegalStateException("Case " + current.id() + " kept changing; the finding was not recorded");
    }

    private Case change(Case current, Case.Status status, String openKey, String resolution, String actor, String action,
            String note) {
        Case updated = withHistory(current, status, openKey, resolution, new Case.Event(now(), actor, action, note));
        if (!cases.replace(updated, current.version())) {
            throw ApiException.conflict(Refusal.of("case.changed",
                    "Case {0} has changed; reload it", current.id()), get(current.id()).version());
        }
        return updated;
    }

    private Case withHistory(Case c, Case.Status status, String openKey, String resolution, Case.Event event) {
        List<Case.Event> history = new ArrayList<>(c.history());
        history.add(event);
        return withHistory(c, status, openKey, resolution, history, event.at());
    }

    private Case withHistory(Case c, Case.Status status, String openKey, String resolution, List<Case.Event> history,
            Instant updatedAt) {
        return new Case(c.id(), openKey, c.ruleId(), c.journeyId(), c.touchpointId(), c.touchpointName(), c.metric(),
                c.ownerTeam(), c.title(), c.reason(), status, resolution, c.openedAt(), c.dueAt(), updatedAt, history,
                c.version() + 1, c.finding());
    }

    private Case current(String id, long expectedVersion) {
        Case current = get(id);
        if (current.version() != expectedVersion) {
            throw ApiException.conflict(Refusal.of("case.versionChanged",
                    "Case {0} has changed: it is at version {1}",
                    id, String.valueOf(current.version())), current.version());
        }
        return current;
    }


    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
