package io.cairn.gateway.journey;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** {@code journeyChanged(id)}: every applied change of the journey or its touchpoints reaches subscribers. */
@Controller
class JourneySubscriptionController {

    private final JourneyChangeFeed feed;

    JourneySubscriptionController(JourneyChangeFeed feed) {
        this.feed = feed;
    }

    @SubscriptionMapping
    @PreAuthorize("hasRole('VIEWER')")
    Flux<JourneyChange> journeyChanged(@Argument String id) {
        return feed.changes(id);
    }
}
