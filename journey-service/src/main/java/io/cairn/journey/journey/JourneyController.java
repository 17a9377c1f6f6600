package io.cairn.journey.journey;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of journeys: viewers read, designers write. */
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
}
