package io.cairn.journey.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of journeys and their stages: viewers read, designers write, admins delete. */
@RestController
@RequestMapping("/journeys")
@Validated
public class JourneyController {

    private final JourneyService journeys;

    public JourneyController(JourneyService journeys) {
        this.journeys = journeys;
    }

    @PostMapping
    @PreAuthorize("hasRole('DESIGNER')")
    ResponseEntity<Journey> create(@Valid @RequestBody CreateJourneyRequest request, Authentication user) {
        Journey journey = journeys.create(request, user.getName());
        return ResponseEntity.created(URI.create("/journeys/" + journey.id())).body(journey);
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    JourneyPage list(@Valid JourneyQuery query) {
        return journeys.search(query);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    Journey get(@PathVariable String id) {
        return journeys.get(new JourneyId(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey update(@PathVariable String id, @Valid @RequestBody UpdateJourneyRequest request, Authentication user) {
        return journeys.update(new JourneyId(id), request, user.getName());
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey publish(@PathVariable String id, @Valid @RequestBody VersionedRequest request, Authentication user) {
        return journeys.publish(new JourneyId(id), request.expectedVersion(), user.getName());
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey archive(@PathVariable String id, @Valid @RequestBody VersionedRequest request, Authentication user) {
        return journeys.archive(new JourneyId(id), request.expectedVersion(), user.getName());
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey restore(@PathVariable String id, @Valid @RequestBody VersionedRequest request, Authentication user) {
        return journeys.restore(new JourneyId(id), request.expectedVersion(), user.getName());
    }

    /** Deletes an archived journey and its history for good. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam @NotNull Long expectedVersion) {
        journeys.delete(new JourneyId(id), expectedVersion);
    }

    /** A new draft copy; the answer maps each old stage id to its copy's, for copying touchpoints. */
    @PostMapping("/{id}/duplicate")
    @PreAuthorize("hasRole('DESIGNER')")
    ResponseEntity<JourneyService.Duplicate> duplicate(@PathVariable String id,
            @Valid @RequestBody(required = false) DuplicateRequest request, Authentication user) {
        JourneyService.Duplicate copy = journeys.duplicate(new JourneyId(id), request == null ? null : request.name(),
                user.getName());
        return ResponseEntity.created(URI.create("/journeys/" + copy.journey().id())).body(copy);
    }

    public record DuplicateRequest(@Size(max = 200) String name) {
    }

    @PostMapping("/{id}/stages")
    @PreAuthorize("hasRole('DESIGNER')")
    @ResponseStatus(HttpStatus.CREATED)
    Journey addStage(@PathVariable String id,
            @Validated(StageInput.OnCreate.class) @RequestBody StageRequests.Add request, Authentication user) {
        return journeys.addStage(new JourneyId(id), request, user.getName());
    }

    @PatchMapping("/{id}/stages/{stageId}")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey updateStage(@PathVariable String id, @PathVariable String stageId,
            @Valid @RequestBody StageRequests.Update request, Authentication user) {
        return journeys.updateStage(new JourneyId(id), stageId, request, user.getName());
    }

    @DeleteMapping("/{id}/stages/{stageId}")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey removeStage(@PathVariable String id, @PathVariable String stageId,
            @RequestParam @NotNull Long expectedVersion, @Valid StageRemoval removal, Authentication user) {
        return journeys.removeStage(new JourneyId(id), stageId, expectedVersion, removal, user.getName());
    }

    /** Puts a removed stage back, with its id (undo of a removal). */
    @PostMapping("/{id}/stages/{stageId}/restore")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey restoreStage(@PathVariable String id, @PathVariable String stageId,
            @Valid @RequestBody StageRequests.Restore request, Authentication user) {
        return journeys.restoreStage(new JourneyId(id), stageId, request, user.getName());
    }

    @PutMapping("/{id}/stages/order")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey reorderStages(@PathVariable String id, @Valid @RequestBody StageRequests.Reorder request,
            Authentication user) {
        return journeys.reorderStages(new JourneyId(id), request, user.getName());
    }
}
