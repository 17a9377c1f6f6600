package io.cairn.metrics.kase;

import io.cairn.metrics.alert.AlertRule;
import io.cairn.metrics.analysis.TouchpointInfo;
import io.cairn.metrics.webhook.WebhookDispatcher;
import io.cairn.platform.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
     * finding is added to that case's history instead. Answers the case.
     */
    public Case open(AlertRule rule, String touchpointId, TouchpointInfo touchpoint, String title, String reason) {
        Instant now = now();
        String openKey = rule.id() + "|" + touchpointId;
        var existing = cases.findOpen(openKey);
        if (existing.isPresent()) {
            return addFinding(existing.get(), reason);
        }
        Case fresh = new Case(UUID.randomUUID().toString(), openKey, rule.id(), rule.journeyId(), touchpointId,
                touchpoint == null ? null : touchpoint.name(), rule.metric(),
                touchpoint == null ? null : touchpoint.ownerTeam(), title, reason, Case.Status.OPEN, null, now,
                now.plus(Duration.ofHours(rule.slaHours())), now, List.of(new Case.Event(now, "cairn", "OPENED", reason)), 1);
        Case stored = cases.openOrExisting(fresh);
        if (stored.id().equals(fresh.id())) {
            webhooks.publish("case.opened", stored, "cairn");
            return stored;
        }
        return addFinding(stored, reason);
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
            throw ApiException.invalidState("Case " + id + " is " + current.status() + "; only an open case can be acknowledged");
        }
        Case updated = change(current, Case.Status.ACKNOWLEDGED, current.openKey(), null, actor, "ACKNOWLEDGED", note);
        webhooks.publish("case.acknowledged", updated, actor);
        return updated;
    }

    public Case resolve(String id, long expectedVersion, String note, String actor) {
        if (note == null || note.isBlank()) {
            throw ApiException.badRequest("A case is resolved with a note saying what was done");
        }
        Case current = current(id, expectedVersion);
        if (current.status() == Case.Status.RESOLVED) {
            throw ApiException.invalidState("Case " + id + " is already resolved");
        }
        // no open key any more: the next finding of the rule opens a new case
        Case updated = change(current, Case.Status.RESOLVED, null, note.trim(), actor, "RESOLVED", note.trim());
        webhooks.publish("case.resolved", updated, actor);
        return updated;
    }

    private Case addFinding(Case current, String reason) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Case latest = attempt == 0 ? current : get(current.id());
            if (latest.status() == Case.Status.RESOLVED) {
                return latest;
            }
            Case updated = withHistory(latest, latest.status(), latest.openKey(), latest.resolutionNote(),
                    new Case.Event(now(), "cairn", "FOUND_AGAIN", reason));
            if (cases.replace(updated, latest.version())) {
                return updated;
            }
        }
        return get(current.id());
    }

    private Case change(Case current, Case.Status status, String openKey, String resolution, String actor, String action,
            String note) {
        Case updated = withHistory(current, status, openKey, resolution, new Case.Event(now(), actor, action, note));
        if (!cases.replace(updated, current.version())) {
            throw ApiException.conflict("Case " + current.id() + " has changed; reload it", get(current.id()).version());
        }
        return updated;
    }

    private Case withHistory(Case c, Case.Status status, String openKey, String resolution, Case.Event event) {
        List<Case.Event> history = new ArrayList<>(c.history());
        history.add(event);
        return new Case(c.id(), openKey, c.ruleId(), c.journeyId(), c.touchpointId(), c.touchpointName(), c.metric(),
                c.ownerTeam(), c.title(), c.reason(), status, resolution, c.openedAt(), c.dueAt(), event.at(), history,
                c.version() + 1);
    }

    private Case current(String id, long expectedVersion) {
        Case current = get(id);
        if (current.version() != expectedVersion) {
            throw ApiException.conflict("Case " + id + " has changed: it is at version " + current.version(), current.version());
        }
        return current;
    }


    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
