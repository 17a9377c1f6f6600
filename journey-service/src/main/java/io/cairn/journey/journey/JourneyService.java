package io.cairn.journey.journey;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import io.cairn.platform.web.ApiException;

/** Journey use cases; the actor is the authenticated user name. */
@Service
public class JourneyService {

    private final JourneyRepository journeys;
    private final Clock clock;

    public JourneyService(JourneyRepository journeys, Clock clock) {
        this.journeys = journeys;
        this.clock = clock;
    }

    public Journey create(CreateJourneyRequest request, String actor) {
        // millisecond precision: what MongoDB stores, so the answer equals what a later read returns
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Journey journey = new Journey(JourneyId.random().value(), request.name().trim(),
                blankToNull(request.description()), request.personas(), blankToNull(request.ownerTeam()),
                JourneyStatus.DRAFT, Tags.normalise(request.tags()), now, actor, now, actor, 1);
        return journeys.insert(journey);
    }

    public Journey get(JourneyId id) {
        return journeys.findById(id).orElseThrow(() -> ApiException.notFound("Journey", id));
    }

    public JourneyPage search(JourneyQuery query) {
        return journeys.search(query);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
