package io.cairn.touchpoint.touchpoint;

import io.cairn.platform.revision.Revision;
import io.cairn.platform.revision.RevisionDiff;
import io.cairn.platform.revision.RevisionPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of touchpoints: viewers read, designers edit (including deleting a touchpoint from a map). */
@RestController
@Validated
public class TouchpointController {

    private final TouchpointService touchpoints;

    public TouchpointController(TouchpointService touchpoints) {
        this.touchpoints = touchpoints;
    }

    @PostMapping("/touchpoints")
    @PreAuthorize("hasRole('DESIGNER')")
    ResponseEntity<Touchpoint> create(@Valid @RequestBody TouchpointRequests.Create request, Authentication user) {
        Touchpoint created = touchpoints.create(request, user.getName());
        return ResponseEntity.created(URI.create("/touchpoints/" + created.id())).body(created);
    }

    @PostMapping("/touchpoints/batch")
    @PreAuthorize("hasRole('DESIGNER')")
    @ResponseStatus(HttpStatus.CREATED)
    List<Touchpoint> createMany(@Valid @RequestBody TouchpointRequests.CreateMany request, Authentication user) {
        return touchpoints.createMany(request, user.getName());
    }

    /** Every touchpoint of one or many journeys in one call (the gateway batches on it). */
    @GetMapping("/touchpoints")
    @PreAuthorize("hasRole('VIEWER')")
    List<Touchpoint> ofJourneys(@RequestParam @NotEmpty @Size(max = 200) List<String> journeyId) {
        return touchpoints.ofJourneys(journeyId);
    }

    @GetMapping("/touchpoints/search")
    @PreAuthorize("hasRole('VIEWER')")
    TouchpointPage search(@Valid TouchpointSearch search) {
        return touchpoints.search(search);
    }

    @GetMapping("/touchpoints/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    Touchpoint get(@PathVariable String id) {
        return touchpoints.get(id);
    }

    @PatchMapping("/touchpoints/{id}")
    @PreAuthorize("hasRole('DESIGNER')")
    Touchpoint update(@PathVariable String id, @Valid @RequestBody TouchpointRequests.Update request, Authentication user) {
        return touchpoints.update(id, request, user.getName());
    }

    @PostMapping("/touchpoints/{id}/move")
    @PreAuthorize("hasRole('DESIGNER')")
    Touchpoint move(@PathVariable String id, @Valid @RequestBody TouchpointRequests.Move request, Authentication user) {
        return touchpoints.move(id, request, user.getName());
    }

    @DeleteMapping("/touchpoints/{id}")
    @PreAuthorize("hasRole('DESIGNER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam @NotNull Long expectedVersion, Authentication user) {
        touchpoints.delete(id, expectedVersion, user.getName());
    }

    /** Brings a deleted touchpoint back where it was, with the same id (undo of a delete). */
    @PostMapping("/touchpoints/{id}/restore")
    @PreAuthorize("hasRole('DESIGNER')")
    Touchpoint restoreDeleted(@PathVariable String id, Authentication user) {
        return touchpoints.restore(id, user.getName());
    }

    @GetMapping("/touchpoints/{id}/revisions")
    @PreAuthorize("hasRole('VIEWER')")
    RevisionPage revisions(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return touchpoints.revisions(id, offset, limit);
    }

    @GetMapping("/touchpoints/{id}/revisions/{number}")
    @PreAuthorize("hasRole('VIEWER')")
    Revision revision(@PathVariable String id, @PathVariable long number) {
        return touchpoints.revision(id, number);
    }

    @GetMapping("/touchpoints/{id}/revisions/diff")
    @PreAuthorize("hasRole('VIEWER')")
    RevisionDiff diff(@PathVariable String id, @RequestParam @Min(1) long from, @RequestParam @Min(1) long to) {
        return touchpoints.diff(id, from, to);
    }

    @PostMapping("/touchpoints/{id}/revisions/{number}/restore")
    @PreAuthorize("hasRole('DESIGNER')")
    Touchpoint restore(@PathVariable String id, @PathVariable long number,
            @Valid @RequestBody TouchpointRequests.Versioned request, Authentication user) {
        return touchpoints.restoreRevision(id, number, request.expectedVersion(), user.getName());
    }

    /** A journey's touchpoints by stage, with the unassigned ones (stage removed) listed apart. */
    @GetMapping("/journeys/{journeyId}/touchpoints")
    @PreAuthorize("hasRole('VIEWER')")
    JourneyTouchpoints ofJourney(@PathVariable String journeyId) {
        return touchpoints.ofJourney(journeyId);
    }

    /** Deletes every touchpoint of a journey (used when the journey is deleted). */
    @DeleteMapping("/journeys/{journeyId}/touchpoints")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAll(@PathVariable String journeyId) {
        touchpoints.deleteAll(journeyId);
    }

    /** Brings touchpoints (back) into a stage, moving or restoring each (used when a removed stage is restored). */
    @PostMapping("/journeys/{journeyId}/stages/{stageId}/touchpoints/gather")
    @PreAuthorize("hasRole('DESIGNER')")
    Map<String, Integer> gather(@PathVariable String journeyId, @PathVariable String stageId,
            @Valid @RequestBody TouchpointRequests.Gather request, Authentication user) {
        return Map.of("affected", touchpoints.gather(journeyId, stageId, request.touchpointIds(), user.getName()));
    }

    /** Moves or deletes the touchpoints of a stage (used when the stage is removed). */
    @PostMapping("/journeys/{journeyId}/stages/{stageId}/touchpoints/relocate")
    @PreAuthorize("hasRole('DESIGNER')")
    Map<String, Integer> relocate(@PathVariable String journeyId, @PathVariable String stageId,
            @Valid @RequestBody TouchpointRequests.Relocate request, Authentication user) {
        return Map.of("affected", touchpoints.relocate(journeyId, stageId, request, user.getName()));
    }
}
