package io.cairn.journey.revision;

import io.cairn.journey.journey.Journey;
import io.cairn.journey.journey.JourneyId;
import io.cairn.journey.journey.JourneyService;
import io.cairn.journey.journey.VersionedRequest;
import io.cairn.platform.revision.Revision;
import io.cairn.platform.revision.RevisionDiff;
import io.cairn.platform.revision.RevisionPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The history of a journey: list, show, diff, restore. */
@RestController
@RequestMapping("/journeys/{id}/revisions")
@Validated
public class RevisionController {

    private final JourneyService journeys;

    public RevisionController(JourneyService journeys) {
        this.journeys = journeys;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    RevisionPage list(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return journeys.revisions(new JourneyId(id), offset, limit);
    }

    @GetMapping("/{number}")
    @PreAuthorize("hasRole('VIEWER')")
    Revision show(@PathVariable String id, @PathVariable long number) {
        return journeys.revision(new JourneyId(id), number);
    }

    @GetMapping("/diff")
    @PreAuthorize("hasRole('VIEWER')")
    RevisionDiff diff(@PathVariable String id, @RequestParam @Min(1) long from, @RequestParam @Min(1) long to) {
        return journeys.diff(new JourneyId(id), from, to);
    }

    @PostMapping("/{number}/restore")
    @PreAuthorize("hasRole('DESIGNER')")
    Journey restore(@PathVariable String id, @PathVariable long number, @Valid @RequestBody VersionedRequest request,
            Authentication user) {
        return journeys.restoreRevision(new JourneyId(id), number, request.expectedVersion(), user.getName());
    }
}
