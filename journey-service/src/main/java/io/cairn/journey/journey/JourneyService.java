package io.cairn.journey.journey;

import io.cairn.platform.revision.JsonDiff;
import io.cairn.platform.revision.Revision;
import io.cairn.platform.revision.RevisionDiff;
import io.cairn.platform.revision.RevisionLog;
import io.cairn.platform.revision.RevisionPage;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import io.cairn.journey.touchpoint.TouchpointClient;
import io.cairn.journey.touchpoint.TouchpointCopy;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Journey use cases. Every change is based on the version the client saw: a stale version is refused
 * with CONFLICT naming the current one, and an applied change is written together with its revision.
 */
@Service
public class JourneyService {

    /** Fields that every write changes or that never change: not part of a revision's changes. */
    private static final Set<String> AUDIT_FIELDS =
            Set.of("id", "createdAt", "createdBy", "updatedAt", "updatedBy", "version", "pendingRevision");

    private final JourneyRepository journeys;
    private final RevisionLog revisions;
    private final TouchpointClient touchpoints;
    private final Clock clock;

    public JourneyService(JourneyRepository journeys, RevisionLog journeyRevisions, TouchpointClient touchpoints,
            Clock clock) {
        this.journeys = journeys;
        this.revisions = journeyRevisions;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    public Journey create(CreateJourneyRequest request, String actor) {
        List<Stage> stages = request.stages() == null ? List.of()
                : request.stages().stream().map(JourneyEdits::newStage).toList();
        Journey draft = new Journey(JourneyId.random().value(), request.name().trim(),
                JourneyEdits.blankToNull(request.description()), request.personas(),
                JourneyEdits.blankToNull(request.ownerTeam()), JourneyStatus.DRAFT, Tags.normalise(request.tags()),
                stages, null, actor, null, actor, 0, null);
        return insertNew(draft, actor, "CREATE");
    }

    /** A new draft with the content of {@code source} (stages get new ids), e.g. to start from a template. */
    public Duplicate duplicate(JourneyId sourceId, String name, String actor) {
        Journey source = get(sourceId);
        Map<String, String> stageIds = new LinkedHashMap<>();
        List<Stage> stages = source.stages().stream().map(stage -> {
            String id = UUID.randomUUID().toString();
            stageIds.put(stage.id(), id);
            return new Stage(id, stage.name(), stage.description(), stage.customerGoal(), stage.designedEmotion());
        }).toList();
        String copyName = name == null || name.isBlank() ? "Copy of " + source.name() : name.trim();
        if (copyName.length() > 200) {
            copyName = copyName.substring(0, 200);
        }
        Journey draft = new Journey(JourneyId.random().value(), copyName, source.description(), source.personas(),
                source.ownerTeam(), JourneyStatus.DRAFT, source.tags(), stages, null, actor, null, actor, 0, null);
        List<Map<String, Object>> copies = touchpoints.ofJourney(source.id()).stream()
                .filter(t -> stageIds.containsKey(String.valueOf(t.get("stageId"))))
                .map(t -> Map.<String, Object>of("stageId", stageIds.get(String.valueOf(t.get("stageId"))),
                        "touchpoint", TouchpointCopy.content(t)))
                .toList();
        Journey copy = insertNew(draft, actor, "DUPLICATE " + source.id());
        createTouchpointsOrUndo(copy, copies);
        return new Duplicate(copy, stageIds);
    }

    /**
     * A new journey with stages and touchpoints (from a template). Touchpoints are created all or none;
     * if that fails the journey is removed again, so nothing is left half made.
     */
    public Journey createWithTouchpoints(CreateJourneyRequest request, List<List<Map<String, Object>>> touchpointsByStage,
            String actor) {
        Journey journey = create(request, actor);
        List<Map<String, Object>> placed = new java.util.ArrayList<>();
        for (int i = 0; i < touchpointsByStage.size(); i++) {
            String stageId = journey.stages().get(i).id();
            touchpointsByStage.get(i).forEach(t -> placed.add(Map.of("stageId", stageId, "touchpoint", t)));
        }
        createTouchpointsOrUndo(journey, placed);
        return journey;
    }

    private void createTouchpointsOrUndo(Journey journey, List<Map<String, Object>> placed) {
        try {
            touchpoints.createMany(journey.id(), placed);
        } catch (RuntimeException e) {
            journeys.delete(journey.journeyId(), journey.version());
            revisions.deleteAll(journey.id());
            throw e;
        }
    }

    /** A duplicated journey and which new stage id replaces which old one. */
    public record Duplicate(Journey journey, Map<String, String> stageIds) {
    }

    public Journey get(JourneyId id) {
        return journeys.findById(id).orElseThrow(() -> ApiException.notFound("Journey", id));
    }

    public JourneyPage search(JourneyQuery query) {
        return journeys.search(query);
    }

    public Journey update(JourneyId id, UpdateJourneyRequest request, String actor) {
        return apply(id, request.expectedVersion(), actor, "UPDATE", j -> JourneyEdits.update(j, request));
    }

    public Journey publish(JourneyId id, long expectedVersion, String actor) {
        return apply(id, expectedVersion, actor, "PUBLISH", JourneyEdits::publish);
    }

    public Journey archive(JourneyId id, long expectedVersion, String actor) {
        return apply(id, expectedVersion, actor, "ARCHIVE", JourneyEdits::archive);
    }

    public Journey restore(JourneyId id, long expectedVersion, String actor) {
        return apply(id, expectedVersion, actor, "RESTORE", JourneyEdits::restore);
    }

    public void delete(JourneyId id, long expectedVersion) {
        Journey journey = current(id, expectedVersion);
        JourneyEdits.requireDeletable(journey);
        // touchpoints first: if that fails the journey is still there to retry on
        touchpoints.deleteAll(id.value());
        if (!journeys.delete(id, expectedVersion)) {
            throw staleOrMissing(id);
        }
        revisions.deleteAll(id.value());
    }

    public Journey addStage(JourneyId id, StageRequests.Add request, String actor) {
        return apply(id, request.expectedVersion(), actor, "ADD_STAGE",
                j -> JourneyEdits.addStage(j, request.stage(), request.position()));
    }

    public Journey updateStage(JourneyId id, String stageId, StageRequests.Update request, String actor) {
        return apply(id, request.expectedVersion(), actor, "UPDATE_STAGE",
                j -> JourneyEdits.updateStage(j, stageId, request.stage()));
    }

    /**
     * Removes a stage. A stage with touchpoints needs an explicit choice: move them to another stage
     * ({@code targetStageId}) or delete them. They are moved or deleted first, so a failure leaves
     * the stage and its touchpoints as they were.
     */
    public Journey removeStage(JourneyId id, String stageId, long expectedVersion, StageRemoval removal, String actor) {
        Journey journey = current(id, expectedVersion);
        JourneyEdits.removeStage(journey, stageId);
        long inStage = touchpoints.ofJourney(id.value()).stream()
                .filter(t -> stageId.equals(t.get("stageId"))).count();
        if (inStage > 0) {
            if (removal == null || removal.touchpoints() == null) {
                throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "STAGE_HAS_TOUCHPOINTS",
                        Refusal.of("stage.hasTouchpoints", "Stage {0} has {1} touchpoints: remove it with touchpoints=MOVE"
                                + " and targetStageId=<another stage>, or touchpoints=DELETE", stageId, inStage),
                        Map.of("touchpoints", inStage));
            }
            String target = removal.touchpoints() == StageRemoval.Touchpoints.MOVE ? removal.targetStageId() : null;
            if (removal.touchpoints() == StageRemoval.Touchpoints.MOVE) {
                if (target == null || target.equals(stageId)) {
                    throw ApiException.badRequest(Refusal.of("stage.moveTargetMissing",
                            "touchpoints=MOVE needs a targetStageId other than the removed stage"));
                }
                JourneyEdits.stage(journey, target);
            }
            touchpoints.relocate(id.value(), stageId, target);
        }
        return apply(id, expectedVersion, actor, "REMOVE_STAGE", j -> JourneyEdits.removeStage(j, stageId));
    }

    /**
     * Puts a removed stage back (undo of a removal), with its id and fields as the newest revision that
     * had it shows them, at {@code position} or where it was then, and brings the listed touchpoints
     * back into it (touchpoint-service moves or restores them). If that fails the stage is removed
     * again, so the undo can simply be retried.
     */
    public Journey restoreStage(JourneyId id, String stageId, StageRequests.Restore request, String actor) {
        revisions.record(get(id).pendingRevision());
        Revision had = revisions.latestWhere(id.value(), Criteria.where("snapshot.stages.id").is(stageId))
                .orElseThrow(() -> ApiException.notFound("Stage", stageId + " of journey " + id));
        List<Stage> then = had.snapshotAs(Journey.class).stages();
        Stage stage = then.stream().filter(s -> s.id().equals(stageId)).findFirst().orElseThrow();
        int position = request.position() != null ? request.position() : then.indexOf(stage);
        Journey restored = apply(id, request.expectedVersion(), actor, "RESTORE_STAGE",
                j -> JourneyEdits.restoreStage(j, stage, position));
        if (request.touchpointIds() == null || request.touchpointIds().isEmpty()) {
            return restored;
        }
        try {
            touchpoints.gather(id.value(), stageId, request.touchpointIds());
            return restored;
        } catch (RuntimeException e) {
            try {
                apply(id, restored.version(), actor, "REMOVE_STAGE", j -> JourneyEdits.removeStage(j, stageId));
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    public Journey reorderStages(JourneyId id, StageRequests.Reorder request, String actor) {
        return apply(id, request.expectedVersion(), actor, "REORDER_STAGES",
                j -> JourneyEdits.reorderStages(j, request.stageIds()));
    }

    public RevisionPage revisions(JourneyId id, int offset, int limit) {
        Journey journey = get(id);
        revisions.record(journey.pendingRevision());
        return revisions.page(id.value(), offset, limit);
    }

    public Revision revision(JourneyId id, long number) {
        Journey journey = get(id);
        revisions.record(journey.pendingRevision());
        return revisions.find(id.value(), number)
                .orElseThrow(() -> ApiException.notFound("Revision", number + " of journey " + id));
    }

    public RevisionDiff diff(JourneyId id, long from, long to) {
        Revision a = revision(id, from);
        Revision b = revision(id, to);
        return revisions.diff(a, b, AUDIT_FIELDS);
    }

    /** Brings the journey back to its content as of revision {@code number}; itself a new revision. */
    public Journey restoreRevision(JourneyId id, long number, long expectedVersion, String actor) {
        Journey target = revision(id, number).snapshotAs(Journey.class);
        return apply(id, expectedVersion, actor, "RESTORE_REVISION " + number, j -> j.withContentOf(target));
    }

    private Journey insertNew(Journey draft, String actor, String operation) {
        Instant now = now();
        Journey base = new Journey(draft.id(), draft.name(), draft.description(), draft.personas(), draft.ownerTeam(),
                draft.status(), draft.tags(), draft.stages(), now, actor, now, actor, 0, null);
        Journey created = withRevision(null, base, operation, actor, now);
        journeys.insert(created);
        revisions.record(created.pendingRevision());
        return created;
    }

    /**
     * Applies {@code edit} to the journey if it is still at {@code expectedVersion}: one conditional
     * document write holds the new state and its revision, so concurrent writers cannot both win and
     * no applied change lacks its revision. An edit that changes nothing writes nothing.
     */
    private Journey apply(JourneyId id, long expectedVersion, String actor, String operation, UnaryOperator<Journey> edit) {
        Journey current = current(id, expectedVersion);
        // the previous change's revision must be in the history before its record is replaced
        revisions.record(current.pendingRevision());
        Journey edited = edit.apply(current);
        if (JsonDiff.between(current, edited, AUDIT_FIELDS).isEmpty()) {
            return current;
        }
        Journey next = withRevision(current, edited, operation, actor, now());
        if (!journeys.replace(next, expectedVersion)) {
            throw staleOrMissing(id);
        }
        revisions.record(next.pendingRevision());
        return next;
    }

    private Journey withRevision(Journey before, Journey edited, String operation, String actor, Instant at) {
        Journey next = edited.nextVersion(at, actor, null);
        return next.withPendingRevision(Revision.of(next.id(), next.version(),
                before == null ? null : before.snapshot(), next.snapshot(), operation, actor, at, AUDIT_FIELDS));
    }

    private Journey current(JourneyId id, long expectedVersion) {
        Journey journey = get(id);
        if (journey.version() != expectedVersion) {
            throw conflict(journey);
        }
        return journey;
    }

    private ApiException staleOrMissing(JourneyId id) {
        return conflict(get(id));
    }

    private static ApiException conflict(Journey current) {
        return ApiException.conflict(Refusal.of("journey.changed",
                "Journey {0} has changed: it is at version {1}; reload it and apply your change again",
                current.id(), String.valueOf(current.version())), current.version());
    }

    private Instant now() {
        // millisecond precision: what MongoDB stores, so an answer equals what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
