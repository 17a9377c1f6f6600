package io.cairn.gateway.journey;

import graphql.schema.DataFetchingEnvironment;
import io.cairn.gateway.graphql.Connection;
import io.cairn.gateway.touchpoint.Touchpoint;
import io.cairn.gateway.touchpoint.TouchpointGraphQlController;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Journeys, their stages and history in the GraphQL API; every edit goes to journey-service with its version. */
@Controller
class JourneyGraphQlController {

    private static final int MAX_PAGE = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    Mono<Journey> journey(@Argument String id, DataFetchingEnvironment env) {
        // a map asks for the touchpoints too: they do not depend on the journey's answer, so touchpoint-service is
        // asked at the same time rather than after it (the stages then find them in the request's loader)
        if (env.getSelectionSet().contains("stages/touchpoints") || env.getSelectionSet().contains("unassignedTouchpoints")) {
            DataLoader<String, List<Touchpoint>> touchpoints = env.getDataLoader(TouchpointGraphQlController.LOADER);
            if (touchpoints != null) {
                TouchpointGraphQlController.read(touchpoints, env.getGraphQlContext(), id);
            }
        }
        return journeys.get(id);
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<List<JourneyTemplate>> journeyTemplates() {
        return journeys.templates();
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<Map<String, Object>> journeyRevisionDiff(@Argument String journeyId, @Argument long from, @Argument long to) {
        return journeys.diff(journeyId, from, to);
    }

    @SchemaMapping(typeName = "Journey")
    List<StageNode> stages(Journey journey) {
        return IntStream.range(0, journey.stages().size()).mapToObj(i -> StageNode.of(journey, i)).toList();
    }

    @SchemaMapping(typeName = "Journey")
    Mono<Connection<RevisionPage.Revision>> revisions(Journey journey, @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first, MAX_PAGE);
        int offset = Connection.offsetAfter(after);
        return journeys.revisions(journey.id(), offset, size).map(page -> Connection.of(page.items(), offset, page.total()));
    }

    @SchemaMapping(typeName = "RevisionChange")
    String before(RevisionPage.Change change) {
        return change.before() == null ? null : JSON.writeValueAsString(change.before());
    }

    @SchemaMapping(typeName = "RevisionChange")
    String after(RevisionPage.Change change) {
        return change.after() == null ? null : JSON.writeValueAsString(change.after());
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> createJourney(@Argument Map<String, Object> input) {
        return journeys.create(input);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> createJourneyFromTemplate(@Argument String key, @Argument String name) {
        return journeys.change(HttpMethod.POST, "/templates/{key}/journeys", name == null ? Map.of() : Map.of("name", name), key);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> updateJourney(@Argument String id, @Argument long expectedVersion, @Argument Map<String, Object> input) {
        return journeys.change(HttpMethod.PATCH, "/journeys/{id}", versioned(expectedVersion, input), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> publishJourney(@Argument String id, @Argument long expectedVersion) {
        return journeys.change(HttpMethod.POST, "/journeys/{id}/publish", versioned(expectedVersion, Map.of()), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> archiveJourney(@Argument String id, @Argument long expectedVersion) {
        return journeys.change(HttpMethod.POST, "/journeys/{id}/archive", versioned(expectedVersion, Map.of()), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> restoreJourney(@Argument String id, @Argument long expectedVersion) {
        return journeys.change(HttpMethod.POST, "/journeys/{id}/restore", versioned(expectedVersion, Map.of()), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<String> deleteJourney(@Argument String id, @Argument long expectedVersion) {
        return journeys.delete(id, expectedVersion).thenReturn(id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> duplicateJourney(@Argument String id, @Argument String name) {
        return journeys.duplicate(id, name);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> addStage(@Argument String journeyId, @Argument long expectedVersion, @Argument Map<String, Object> input,
            @Argument Integer position) {
        Map<String, Object> body = versioned(expectedVersion, Map.of("stage", input));
        if (position != null) {
            body.put("position", position);
        }
        return journeys.change(HttpMethod.POST, "/journeys/{id}/stages", body, journeyId);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> updateStage(@Argument String journeyId, @Argument String stageId, @Argument long expectedVersion,
            @Argument Map<String, Object> input) {
        return journeys.change(HttpMethod.PATCH, "/journeys/{id}/stages/{stageId}",
                versioned(expectedVersion, Map.of("stage", input)), journeyId, stageId);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> removeStage(@Argument String journeyId, @Argument String stageId, @Argument long expectedVersion,
            @Argument String touchpoints, @Argument String targetStageId) {
        StringBuilder uri = new StringBuilder("/journeys/{id}/stages/{stageId}?expectedVersion={version}");
        List<Object> variables = new java.util.ArrayList<>(List.of(journeyId, stageId, expectedVersion));
        if (touchpoints != null) {
            uri.append("&touchpoints={choice}");
            variables.add(touchpoints);
        }
        if (targetStageId != null) {
            uri.append("&targetStageId={target}");
            variables.add(targetStageId);
        }
        return journeys.change(HttpMethod.DELETE, uri.toString(), null, variables.toArray());
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> restoreStage(@Argument String journeyId, @Argument String stageId, @Argument long expectedVersion,
            @Argument Integer position, @Argument List<String> touchpointIds) {
        Map<String, Object> body = versioned(expectedVersion, Map.of());
        if (position != null) {
            body.put("position", position);
        }
        if (touchpointIds != null) {
            body.put("touchpointIds", touchpointIds);
        }
        return journeys.change(HttpMethod.POST, "/journeys/{id}/stages/{stageId}/restore", body, journeyId, stageId);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> reorderStages(@Argument String journeyId, @Argument long expectedVersion, @Argument List<String> stageIds) {
        return journeys.change(HttpMethod.PUT, "/journeys/{id}/stages/order",
                versioned(expectedVersion, Map.of("stageIds", stageIds)), journeyId);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Journey> restoreJourneyRevision(@Argument String journeyId, @Argument long number, @Argument long expectedVersion) {
        return journeys.change(HttpMethod.POST, "/journeys/{id}/revisions/{number}/restore",
                versioned(expectedVersion, Map.of()), journeyId, number);
    }

    static Map<String, Object> versioned(long expectedVersion, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("expectedVersion", expectedVersion);
        return body;
    }
}
