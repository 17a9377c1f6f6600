package io.cairn.gateway.touchpoint;

import io.cairn.gateway.graphql.Connection;
import io.cairn.gateway.journey.Journey;
import io.cairn.gateway.journey.StageNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Touchpoints in the GraphQL API. All the touchpoints a query needs come from one call to
 * touchpoint-service, however many journeys and stages it shows: the {@code touchpointsByJourney}
 * loader batches the journeys of a request and caches them for the rest of it.
 */
@Controller
public class TouchpointGraphQlController {

    /** The request's loader of touchpoints by journey id. */
    public static final String LOADER = "touchpointsByJourney";
    private static final String READ = "touchpointsRead:";
    private static final int MAX_PAGE = 100;

    private final TouchpointClient touchpoints;

    TouchpointGraphQlController(TouchpointClient touchpoints, BatchLoaderRegistry loaders) {
        this.touchpoints = touchpoints;
        loaders.<String, List<Touchpoint>>forName(LOADER).registerMappedBatchLoader((journeyIds, env) ->
                touchpoints.ofJourneys(journeyIds).map(all -> {
                    Map<String, List<Touchpoint>> byJourney = new LinkedHashMap<>();
                    journeyIds.forEach(id -> byJourney.put(id, new java.util.ArrayList<>()));
                    all.forEach(t -> byJourney.computeIfAbsent(t.journeyId(), id -> new java.util.ArrayList<>()).add(t));
                    return byJourney;
                }));
    }

    /**
     * Reads the touchpoints of a journey with the request's loader and keeps the answer in the request's context, where
     * the loaders of other services' fields (a stage's measurements) find it: they hand it on instead of having their
     * service ask touchpoint-service again.
     */
    public static CompletableFuture<List<Touchpoint>> read(DataLoader<String, List<Touchpoint>> loader, GraphQLContext context,
            String journeyId) {
        CompletableFuture<List<Touchpoint>> read = loader.load(journeyId);
        context.put(READ + journeyId, read);
        loader.dispatch();
        return read;
    }

    /** The touchpoints of a journey as {@link #read} keeps them in a request's context (a loader's), or null. */
    public static CompletableFuture<List<Touchpoint>> readFor(Object context, String journeyId) {
        return context instanceof GraphQLContext graphQl ? graphQl.get(READ + journeyId) : null;
    }

    @SchemaMapping(typeName = "Stage")
    CompletableFuture<List<Touchpoint>> touchpoints(StageNode stage, DataLoader<String, List<Touchpoint>> touchpointsByJourney) {
        return touchpointsByJourney.load(stage.journeyId())
                .thenApply(all -> all.stream().filter(t -> stage.id().equals(t.stageId())).toList());
    }

    /** Touchpoints whose stage no longer exists: never dropped, shown apart until moved or deleted. */
    @SchemaMapping(typeName = "Journey")
    CompletableFuture<List<Touchpoint>> unassignedTouchpoints(Journey journey,
            DataLoader<String, List<Touchpoint>> touchpointsByJourney) {
        Set<String> stages = journey.stages().stream().map(Journey.Stage::id).collect(Collectors.toSet());
        return touchpointsByJourney.load(journey.id())
                .thenApply(all -> all.stream().filter(t -> !stages.contains(t.stageId())).toList());
    }

    @SchemaMapping(typeName = "Touchpoint")
    List<Touchpoint.Target> targets(Touchpoint touchpoint) {
        return touchpoint.targetList();
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<Touchpoint> touchpoint(@Argument String id) {
        return touchpoints.get(id);
    }

    @QueryMapping(name = "touchpoints")
    @PreAuthorize("hasRole('VIEWER')")
    Mono<Connection<Touchpoint>> search(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first, MAX_PAGE);
        int offset = Connection.offsetAfter(after);
        return touchpoints.search(filter, offset, size).map(page -> Connection.of(page.items(), offset, page.total()));
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Touchpoint> createTouchpoint(@Argument String journeyId, @Argument String stageId, @Argument Integer position,
            @Argument Map<String, Object> input) {
        Map<String, Object> body = new HashMap<>(Map.of("journeyId", journeyId, "stageId", stageId,
                "touchpoint", serviceFields(input)));
        if (position != null) {
            body.put("position", position);
        }
        return touchpoints.change(HttpMethod.POST, "/touchpoints", body);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Touchpoint> updateTouchpoint(@Argument String id, @Argument long expectedVersion, @Argument Map<String, Object> input) {
        return touchpoints.change(HttpMethod.PATCH, "/touchpoints/{id}",
                Map.of("expectedVersion", expectedVersion, "touchpoint", serviceFields(input)), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Touchpoint> moveTouchpoint(@Argument String id, @Argument long expectedVersion, @Argument String stageId,
            @Argument int position) {
        return touchpoints.change(HttpMethod.POST, "/touchpoints/{id}/move",
                Map.of("expectedVersion", expectedVersion, "stageId", stageId, "position", position), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<String> deleteTouchpoint(@Argument String id, @Argument long expectedVersion) {
        return touchpoints.delete(id, expectedVersion).thenReturn(id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('DESIGNER')")
    Mono<Touchpoint> restoreTouchpoint(@Argument String id) {
        return touchpoints.change(HttpMethod.POST, "/touchpoints/{id}/restore", Map.of(), id);
    }

    /** GraphQL's list of targets is touchpoint-service's map of metric to value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> serviceFields(Map<String, Object> input) {
        Map<String, Object> fields = new HashMap<>(input);
        if (input.get("targets") instanceof List<?> targets) {
            Map<String, Object> byMetric = new LinkedHashMap<>();
            for (Object target : targets) {
                Map<String, Object> t = (Map<String, Object>) target;
                byMetric.put(String.valueOf(t.get("metric")), t.get("value"));
            }
            fields.put("targets", byMetric);
        }
        return fields;
    }
}
