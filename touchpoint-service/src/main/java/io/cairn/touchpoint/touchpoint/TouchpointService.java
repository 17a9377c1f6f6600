package io.cairn.touchpoint.touchpoint;

import io.cairn.platform.revision.JsonDiff;
import io.cairn.platform.revision.Revision;
import io.cairn.platform.revision.RevisionDiff;
import io.cairn.platform.revision.RevisionLog;
import io.cairn.platform.revision.RevisionPage;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import io.cairn.touchpoint.journey.JourneyClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Touchpoint use cases. Placement is checked against the journey's stages in journey-service; every
 * change is based on the version the client saw and is written together with its revision.
 */
@Service
public class TouchpointService {

    private static final Set<String> AUDIT_FIELDS =
            Set.of("id", "journeyId", "createdAt", "createdBy", "updatedAt", "updatedBy", "version", "pendingRevision");

    private final TouchpointRepository touchpoints;
    private final RevisionLog revisions;
    private final JourneyClient journeys;
    private final Clock clock;

    public TouchpointService(TouchpointRepository touchpoints, RevisionLog touchpointRevisions, JourneyClient journeys,
            Clock clock) {
        this.touchpoints = touchpoints;
        this.revisions = touchpointRevisions;
        this.journeys = journeys;
        this.clock = clock;
    }

    public Touchpoint create(TouchpointRequests.Create request, String actor) {
        requireStage(request.journeyId(), request.stageId());
        List<Touchpoint> stage = touchpoints.inStage(request.journeyId(), request.stageId());
        requireRoom(stage.size() + 1, request.stageId());
        double rank = rankAt(request.journeyId(), request.stageId(), stage, request.position() == null
                ? stage.size() : request.position());
        Touchpoint created = newTouchpoint(request.journeyId(), request.stageId(), rank,
                TouchpointEdits.create(request.touchpoint()), actor, now(), "CREATE");
        touchpoints.insert(created);
        revisions.record(created.pendingRevision());
        return created;
    }

    /** All the touchpoints or none: everything is checked before anything is stored. */
    public List<Touchpoint> createMany(TouchpointRequests.CreateMany request, String actor) {
        Set<String> stageIds = journeys.stages(request.journeyId()).stream().map(JourneyClient.Stage::id)
                .collect(Collectors.toSet());
        Map<String, List<Touchpoint>> existing = new HashMap<>();
        Map<String, Double> lastRank = new HashMap<>();
        Instant now = now();
        List<Touchpoint> created = new ArrayList<>();
        for (TouchpointRequests.Placed placed : request.touchpoints()) {
            if (!stageIds.contains(placed.stageId())) {
                throw ApiException.badRequest(Refusal.of("touchpoint.unknownStage",
                        "Stage {0} is not a stage of journey {1}", placed.stageId(), request.journeyId()));
            }
            List<Touchpoint> stage = existing.computeIfAbsent(placed.stageId(),
                    id -> touchpoints.inStage(request.journeyId(), id));
            double rank = lastRank.merge(placed.stageId(),
                    stage.isEmpty() ? 1024 : stage.get(stage.size() - 1).rank() + 1024, (previous, first) -> previous + 1024);
            created.add(newTouchpoint(request.journeyId(), placed.stageId(), rank,
                    TouchpointEdits.create(placed.touchpoint()), actor, now, "CREATE"));
        }
        created.stream().collect(Collectors.groupingBy(Touchpoint::stageId, Collectors.counting()))
                .forEach((stageId, count) -> requireRoom(existing.get(stageId).size() + count, stageId));
        touchpoints.insertAll(created);
        created.forEach(t -> revisions.record(t.pendingRevision()));
        return created;
    }

    public Touchpoint get(String id) {
        return touchpoints.findById(id).orElseThrow(() -> ApiException.notFound("Touchpoint", id));
    }

    public List<Touchpoint> ofJourneys(Collection<String> journeyIds) {
        return touchpoints.ofJourneys(journeyIds);
    }

    public TouchpointPage search(TouchpointSearch search) {
        return touchpoints.search(search);
    }

    /** The journey's touchpoints by stage, and the ones whose stage is gone. */
    public JourneyTouchpoints ofJourney(String journeyId) {
        List<JourneyClient.Stage> stages = journeys.stages(journeyId);
        Map<String, List<Touchpoint>> byStage = new LinkedHashMap<>();
        touchpoints.ofJourneys(List.of(journeyId))
                .forEach(t -> byStage.computeIfAbsent(t.stageId(), id -> new ArrayList<>()).add(t));
        List<JourneyTouchpoints.StageTouchpoints> placed = stages.stream()
                .map(s -> new JourneyTouchpoints.StageTouchpoints(s.id(), s.name(), byStage.getOrDefault(s.id(), List.of())))
                .toList();
        Set<String> known = stages.stream().map(JourneyClient.Stage::id).collect(Collectors.toSet());
        List<Touchpoint> unassigned = byStage.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).toList();
        return new JourneyTouchpoints(journeyId, placed, unassigned);
    }

    public Touchpoint update(String id, TouchpointRequests.Update request, String actor) {
        return apply(id, request.expectedVersion(), actor, "UPDATE",
                t -> t.withContent(TouchpointEdits.merge(t.fields(), request.touchpoint())));
    }

    /** Reorders within a stage or moves to another stage of the same journey. */
    public Touchpoint move(String id, TouchpointRequests.Move request, String actor) {
        Touchpoint current = get(id);
        requireStage(current.journeyId(), request.stageId());
        List<Touchpoint> others = touchpoints.inStage(current.journeyId(), request.stageId()).stream()
                .filter(t -> !t.id().equals(id)).toList();
        if (!request.stageId().equals(current.stageId())) {
            requireRoom(others.size() + 1, request.stageId());
        }
        double rank = rankAt(current.journeyId(), request.stageId(), others, request.position());
        String operation = request.stageId().equals(current.stageId()) ? "REORDER" : "MOVE";
        return apply(id, request.expectedVersion(), actor, operation, t -> t.withPlace(request.stageId(), rank));
    }

    /**
     * Deletes the touchpoint; its history stays, ending in a DELETE revision that holds it as it was,
     * so that {@link #restore} can bring it back with the same id (the answers are keyed by it).
     */
    public void delete(String id, long expectedVersion, String actor) {
        Touchpoint current = get(id);
        if (current.version() != expectedVersion) {
            throw conflict(current);
        }
        remove(current, actor);
    }

    private void remove(Touchpoint current, String actor) {
        // the last change's revision must be in the history before its document goes
        revisions.record(current.pendingRevision());
        if (!touchpoints.delete(current.id(), current.version())) {
            throw conflict(get(current.id()));
        }
        Instant now = now();
        Touchpoint deleted = current.nextVersion(now, actor);
        revisions.record(Revision.of(current.id(), deleted.version(), current.snapshot(), deleted.snapshot(), "DELETE",
                actor, now, AUDIT_FIELDS));
    }

    /**
     * Brings a deleted touchpoint back, with its id, content and history, where it was (its stage and
     * rank), as the next version after its deletion. Its stage must still be on the journey.
     */
    public Touchpoint restore(String id, String actor) {
        Revision last = deletedOne(id);
        Touchpoint was = last.snapshotAs(Touchpoint.class);
        if (journeys.stages(was.journeyId()).stream().noneMatch(s -> s.id().equals(was.stageId()))) {
            throw ApiException.invalidState(Refusal.of("touchpoint.stageGone",
                    "Stage {0} of touchpoint {1} is no longer on journey {2}; restore the stage first",
                    was.stageId(), id, was.journeyId()));
        }
        requireRoom(touchpoints.inStage(was.journeyId(), was.stageId()).size() + 1, was.stageId());
        return revive(last, was.stageId(), was.rank(), actor);
    }

    /**
     * Brings these touchpoints of the journey into the stage, in this order after the ones already there:
     * moved from another stage, or restored when deleted (undo of a stage removal, whichever way its
     * touchpoints went). Everything is checked first; safe to repeat (one already in the stage stays).
     */
    public int gather(String journeyId, String stageId, List<String> ids, String actor) {
        requireStage(journeyId, stageId);
        List<Touchpoint> stage = touchpoints.inStage(journeyId, stageId);
        Set<String> there = stage.stream().map(Touchpoint::id).collect(Collectors.toSet());
        Map<String, Touchpoint> present = new LinkedHashMap<>();
        Map<String, Revision> deleted = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (there.contains(id)) {
                continue;
            }
            Touchpoint found = touchpoints.findById(id).orElse(null);
            if (found != null) {
                present.put(id, found);
            } else {
                deleted.put(id, revisions.latest(id).orElseThrow(() -> ApiException.notFound("Touchpoint", id)));
            }
            String of = found != null ? found.journeyId() : deleted.get(id).snapshotAs(Touchpoint.class).journeyId();
            if (!journeyId.equals(of)) {
                throw ApiException.badRequest(Refusal.of("touchpoint.notOnJourney",
                        "Touchpoint {0} is not a touchpoint of journey {1}", id, journeyId));
            }
        }
        requireRoom(stage.size() + present.size() + deleted.size(), stageId);
        double rank = stage.isEmpty() ? 0 : stage.get(stage.size() - 1).rank();
        for (String id : new LinkedHashSet<>(ids)) {
            if (there.contains(id)) {
                continue;
            }
            double next = rank += 1024;
            if (present.containsKey(id)) {
                apply(id, present.get(id).version(), actor, "MOVE", x -> x.withPlace(stageId, next));
            } else {
                revive(deleted.get(id), stageId, next, actor);
            }
        }
        return present.size() + deleted.size();
    }

    /** The last revision of a deleted touchpoint (INVALID_STATE when it is not deleted). */
    private Revision deletedOne(String id) {
        if (touchpoints.findById(id).isPresent()) {
            throw notDeleted(id);
        }
        return revisions.latest(id).orElseThrow(() -> ApiException.notFound("Touchpoint", id));
    }

    /** The deleted touchpoint of revision {@code last} back in {@code stageId} at {@code rank}, as the next version. */
    private Touchpoint revive(Revision last, String stageId, double rank, String actor) {
        Touchpoint was = last.snapshotAs(Touchpoint.class);
        Instant now = now();
        Touchpoint restored = was.withVersion(last.number()).withPlace(stageId, rank).nextVersion(now, actor);
        restored = restored.withPendingRevision(Revision.of(was.id(), restored.version(), was.snapshot(), restored.snapshot(),
                "RESTORE", actor, now, AUDIT_FIELDS));
        try {
            touchpoints.insert(restored);
        } catch (DuplicateKeyException e) {
            throw notDeleted(was.id());
        }
        revisions.record(restored.pendingRevision());
        return restored;
    }

    /**
     * What to do with the touchpoints of a stage that is being removed: move them to the end of
     * another stage, or delete them. Safe to repeat: a retry finds what is left.
     */
    public int relocate(String journeyId, String stageId, TouchpointRequests.Relocate request, String actor) {
        List<Touchpoint> affected = touchpoints.inStage(journeyId, stageId);
        if (request.action() == TouchpointRequests.Relocate.Action.DELETE) {
            affected.forEach(t -> remove(t, actor));
            return affected.size();
        }
        if (request.targetStageId() == null || request.targetStageId().equals(stageId)) {
            throw ApiException.badRequest(Refusal.of("touchpoint.moveTargetMissing",
                    "MOVE needs a targetStageId other than the stage being removed"));
        }
        requireStage(journeyId, request.targetStageId());
        List<Touchpoint> target = touchpoints.inStage(journeyId, request.targetStageId());
        requireRoom(target.size() + affected.size(), request.targetStageId());
        double rank = target.isEmpty() ? 0 : target.get(target.size() - 1).rank();
        for (Touchpoint t : affected) {
            double next = rank += 1024;
            apply(t.id(), t.version(), actor, "MOVE", x -> x.withPlace(request.targetStageId(), next));
        }
        return affected.size();
    }

    /** Removes every touchpoint of the journey and its history; safe to repeat. */
    public void deleteAll(String journeyId) {
        for (Touchpoint t : touchpoints.ofJourneys(List.of(journeyId))) {
            touchpoints.delete(t.id(), t.version());
            revisions.deleteAll(t.id());
        }
    }

    public RevisionPage revisions(String id, int offset, int limit) {
        revisions.record(get(id).pendingRevision());
        return revisions.page(id, offset, limit);
    }

    public Revision revision(String id, long number) {
        revisions.record(get(id).pendingRevision());
        return revisions.find(id, number).orElseThrow(() -> ApiException.notFound("Revision", number + " of touchpoint " + id));
    }

    public RevisionDiff diff(String id, long from, long to) {
        return revisions.diff(revision(id, from), revision(id, to), AUDIT_FIELDS);
    }

    /** Back to the content of revision {@code number} (not its place: the journey may have changed since). */
    public Touchpoint restoreRevision(String id, long number, long expectedVersion, String actor) {
        Touchpoint target = revision(id, number).snapshotAs(Touchpoint.class);
        return apply(id, expectedVersion, actor, "RESTORE_REVISION " + number, t -> t.withContent(target.fields()));
    }

    private Touchpoint newTouchpoint(String journeyId, String stageId, double rank, TouchpointFields f, String actor,
            Instant now, String operation) {
        Touchpoint draft = new Touchpoint(UUID.randomUUID().toString(), journeyId, stageId, null, null, null, null,
                null, 0, null, null, false, null, null, null, false, rank, now, actor, now, actor, 0, null)
                .withContent(f).nextVersion(now, actor);
        return draft.withPendingRevision(Revision.of(draft.id(), draft.version(), null, draft.snapshot(), operation,
                actor, now, AUDIT_FIELDS));
    }

    private Touchpoint apply(String id, long expectedVersion, String actor, String operation, UnaryOperator<Touchpoint> edit) {
        Touchpoint current = get(id);
        if (current.version() != expectedVersion) {
            throw conflict(current);
        }
        revisions.record(current.pendingRevision());
        Touchpoint edited = edit.apply(current);
        if (JsonDiff.between(current.snapshot(), edited.snapshot(), AUDIT_FIELDS).isEmpty()) {
            return current;
        }
        Instant now = now();
        Touchpoint next = edited.nextVersion(now, actor);
        next = next.withPendingRevision(Revision.of(id, next.version(), current.snapshot(), next.snapshot(), operation,
                actor, now, AUDIT_FIELDS));
        if (!touchpoints.replace(next, expectedVersion)) {
            throw conflict(get(id));
        }
        revisions.record(next.pendingRevision());
        return next;
    }

    /** A rank at {@code position} among {@code stage}; spreads the stage's ranks out first when they are too close. */
    private double rankAt(String journeyId, String stageId, List<Touchpoint> stage, int position) {
        double rank = TouchpointEdits.rankAt(stage.stream().map(Touchpoint::rank).toList(), position);
        if (!Double.isNaN(rank)) {
            return rank;
        }
        for (int i = 0; i < stage.size(); i++) {
            touchpoints.setRank(stage.get(i).id(), (i + 1) * 1024.0);
        }
        return TouchpointEdits.rankAt(touchpoints.inStage(journeyId, stageId).stream()
                .filter(t -> stage.stream().anyMatch(s -> s.id().equals(t.id()))).map(Touchpoint::rank).toList(), position);
    }

    private void requireStage(String journeyId, String stageId) {
        if (journeys.stages(journeyId).stream().noneMatch(s -> s.id().equals(stageId))) {
            throw ApiException.badRequest(Refusal.of("touchpoint.unknownStage",
                    "Stage {0} is not a stage of journey {1}", stageId, journeyId));
        }
    }

    private static void requireRoom(long count, String stageId) {
        if (count > Touchpoint.MAX_PER_STAGE) {
            throw ApiException.badRequest(Refusal.of("touchpoint.stageFull",
                    "A stage has at most {0} touchpoints; stage {1} would have {2}",
                    Touchpoint.MAX_PER_STAGE, stageId, count));
        }
    }

    private static ApiException notDeleted(String id) {
        return ApiException.invalidState(Refusal.of("touchpoint.notDeleted", "Touchpoint {0} is not deleted", id));
    }

    private static ApiException conflict(Touchpoint current) {
        return ApiException.conflict(Refusal.of("touchpoint.changed",
                "Touchpoint {0} has changed: it is at version {1}; reload it and apply your change again",
                current.id(), String.valueOf(current.version())), current.version());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
