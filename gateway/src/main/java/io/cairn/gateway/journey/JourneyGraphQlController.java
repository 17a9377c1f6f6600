package io.cairn.gateway.journey;

import io.cairn.gateway.graphql.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Journeys in the GraphQL API. */
@Controller
class JourneyGraphQlController {

    private static final int MAX_PAGE = 100;

    private final JourneyClient journeys;

    JourneyGraphQlController(JourneyClient journeys) {
        this.journeys = journeys;
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<Connection<Journey>> journeys(@Argument JourneyFilter filter, @Argument JourneySort sort,
            @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first, MAX_PAGE);
        int offset = Connection.offsetAfter(after);
        return journeys.search(filter, sort == null ? JourneySort.UPDATED_AT_DESC : sort, offset, size)
                .map(page -> Connection.of(page.items(), offset, page.total()));
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<Journey> journey(@Argument String id) {
        return journeys.get(id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> createJourney(@Argument CreateJourneyInput input) {
        return journeys.create(input);
    }
}
