package io.cairn.gateway.metrics;

import io.cairn.gateway.journey.StageNode;
import io.cairn.gateway.touchpoint.Touchpoint;
import io.cairn.gateway.touchpoint.TouchpointGraphQlController;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import graphql.GraphQLContext;
import graphql.TrivialDataFetcher;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * What customers said, in the GraphQL API: a touchpoint's measurements (all the touchpoints of a query
 * in one call to metrics-service per window), weak touchpoints, key drivers and cases.
 */
@Controller
class MetricsGraphQlController {

    static final String LOADER = "measurementsByTouchpoint";
    static final String STAGE_LOADER = "measurementsByStage";
    static final String TREND_LOADER = "trendByTouchpoint";
    static final String WEAKNESS_LOADER = "weaknessesByTouchpoint";
    static final String DRIVER_LOADER = "keyDriversByTouchpoint";

    private final MetricsClient metrics;

    MetricsGraphQlController(MetricsClient metrics, BatchLoaderRegistry loaders) {
        this.metrics = metrics;
        // "<days>|<segment filter>|<touchpoint id>": one call per window and filter in the request
        registerGrouped(loaders, LOADER, "touchpointId", (window, ids, env) -> {
            String[] parts = window.split("\\|", 2);
            return metrics.scores(ids, Integer.parseInt(parts[0]), SegmentFilter.parse(parts[1]));
        });
        // "<days>|<segment filter>|<journey id>|<stage id>": one call per journey, window and filter, handing over the
        // journey's touchpoints where the map has read them (see TouchpointGraphQlController.readFor)
        registerGrouped(loaders, STAGE_LOADER, "stageId", (journeyWindow, stageIds, env) -> {
            String[] parts = journeyWindow.split("\\|", 3);
            return overTouchpointsRead(env.getContext(), parts[2], "stage-scores", Integer.parseInt(parts[0]), null, SegmentFilter.parse(parts[1]));
        });
        // "<days>|<minN>|<journey id>|<segment filter>|<touchpoint id>": one call per journey, window, minimum and filter
        registerGrouped(loaders, WEAKNESS_LOADER, "touchpointId", (journeyWindow, ids, env) -> {
            String[] parts = journeyWindow.split("\\|", 4);
            return overTouchpointsRead(env.getContext(), parts[2], "weak-touchpoints", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    SegmentFilter.parse(parts[3]));
        });
        // "<days>|<minPairs>|<journey id>|<segment filter>|<touchpoint id>": one call per journey, window, minimum and filter
        registerGrouped(loaders, DRIVER_LOADER, "touchpointId", (journeyWindow, ids, env) -> {
            String[] parts = journeyWindow.split("\\|", 4);
            return metrics.journeyAnalysis(parts[2], "key-drivers", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    SegmentFilter.parse(parts[3]));
        });
        // "<days>|<interval>|<touchpoint id>": one call per window and interval
        registerGrouped(loaders, TREND_LOADER, "touchpointId", (window, ids, env) -> {
            String[] parts = window.split("\\|", 2);
            return metrics.series(ids, parts[1], Integer.parseInt(parts[0]));
        });
    }

    /**
     * A journey analysis over the touchpoints the request has read for the journey where it has (a map: see
     * {@link TouchpointGraphQlController#readFor}; {@code context} is the request's), so metrics-service need not ask
     * touchpoint-service; else plain.
     */
    private Mono<List<Map<String, Object>>> overTouchpointsRead(Object context, String journeyId, String analysis,
            int days, Integer minimum, Map<String, String> segment) {
        CompletableFuture<List<Touchpoint>> read = TouchpointGraphQlController.readFor(context, journeyId);
        return read == null ? metrics.journeyAnalysis(journeyId, analysis, days, minimum, segment)
                : Mono.fromFuture(read).flatMap(touchpoints ->
                        metrics.journeyAnalysis(journeyId, analysis, days, minimum, segment, touchpoints));
    }

    /** One downstream call of a grouped loader: its group, the ids asked for in it, and the loader's environment. */
    private interface GroupCall {
        Mono<List<Map<String, Object>>> apply(String group, List<String> ids, BatchLoaderEnvironment env);
    }

    /**
     * A loader whose keys are {@code <group>|<id>}: one call per group, whose answers are shared out by the
     * field {@code idField} (an id without answers gets an empty list).
     */
    private static void registerGrouped(BatchLoaderRegistry loaders, String name, String idField, GroupCall call) {
        loaders.<String, List<Map<String, Object>>>forName(name).registerMappedBatchLoader((keys, env) -> {
            Map<String, List<String>> byGroup = new HashMap<>();
            keys.forEach(key -> byGroup.computeIfAbsent(key.substring(0, key.lastIndexOf('|')), g -> new ArrayList<>())
                    .add(key.substring(key.lastIndexOf('|') + 1)));
            return reactor.core.publisher.Flux.fromIterable(byGroup.entrySet())
                    .flatMap(group -> call.apply(group.getKey(), group.getValue(), env).map(answers -> {
                        Map<String, List<Map<String, Object>>> result = new HashMap<>();
                        group.getValue().forEach(id -> result.put(group.getKey() + "|" + id, new ArrayList<>()));
                        answers.forEach(a -> result.computeIfAbsent(group.getKey() + "|" + a.get(idField), k -> new ArrayList<>()).add(a));
                        return result;
                    }))
                    .reduce(new HashMap<>(), (all, part) -> {
                        all.putAll(part);
                        return all;
                    });
        });
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<List<Map<String, Object>>> alertRules(@Argument String journeyId) {
        return metrics.alertRules(journeyId);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ANALYST')")
    Mono<Map<String, Object>> createAlertRule(@Argument Map<String, Object> input) {
        return metrics.createAlertRule(input);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ANALYST')")
    Mono<String> deleteAlertRule(@Argument String id) {
        return metrics.deleteAlertRule(id).thenReturn(id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ANALYST')")
    Mono<List<Map<String, Object>>> evaluateAlerts(@Argument String journeyId) {
        return metrics.evaluateAlerts(journeyId);
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<List<Map<String, Object>>> weakTouchpoints(@Argument String journeyId, @Argument Integer days, @Argument Integer minN,
            @Argument List<Map<String, String>> segment, GraphQLContext context) {
        return overTouchpointsRead(context, journeyId, "weak-touchpoints", window(days), minN, SegmentFilter.of(segment));
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<List<Map<String, Object>>> keyDrivers(@Argument String journeyId, @Argument Integer days, @Argument Integer minPairs,
            @Argument List<Map<String, String>> segment) {
        return metrics.journeyAnalysis(journeyId, "key-drivers", window(days), minPairs, SegmentFilter.of(segment));
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<List<Map<String, Object>>> segments(@Argument String journeyId) {
        return metrics.segments(journeyId).map(byAttribute -> byAttribute.entrySet().stream()
                .map(e -> Map.<String, Object>of("attribute", e.getKey(), "values", e.getValue())).toList());
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<List<Map<String, Object>>> cases(@Argument String status, @Argument String team, @Argument String journeyId) {
        return metrics.cases(status, team, journeyId);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ANALYST', 'DESIGNER')")
    Mono<Map<String, Object>> acknowledgeCase(@Argument String id, @Argument long expectedVersion, @Argument String note) {
        return metrics.changeCase(id, "acknowledge", expectedVersion, note);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ANALYST', 'DESIGNER')")
    Mono<Map<String, Object>> resolveCase(@Argument String id, @Argument long expectedVersion, @Argument String note) {
        return metrics.changeCase(id, "resolve", expectedVersion, note);
    }

    /**
     * {@code Touchpoint.measurements} (and {@code trend}, {@code Stage.measurements}), asked once per touchpoint of a
     * map (120 times in a large one): a plain data
     * fetcher that only queues the touchpoint with the loader, which then makes the one call. It is marked
     * trivial, as it does no I/O itself, so that it skips what a controller method costs per call (argument
     * binding, reflection, context propagation and an observation each); the loader's call is observed.
     */
    @Bean
    static RuntimeWiringConfigurer measurementsWiring() {
        var measurements = queued(LOADER, env -> windowAndSegment(env) + "|" + env.<Touchpoint>getSource().id());
        var stageMeasurements = queued(STAGE_LOADER, env -> windowAndSegment(env) + "|" + env.<StageNode>getSource().journeyId()
                + "|" + env.<StageNode>getSource().id());
        var trend = queued(TREND_LOADER, env -> window(env.getArgument("days")) + "|"
                + java.util.Objects.requireNonNullElse(env.<String>getArgument("interval"), "WEEK") + "|" + env.<Touchpoint>getSource().id());
        var weaknesses = queued(WEAKNESS_LOADER, env -> journeyAnalysisKey(env, "minN", 1));
        var keyDrivers = queued(DRIVER_LOADER, env -> journeyAnalysisKey(env, "minPairs", 3));
        return wiring -> wiring.type("Touchpoint", type -> type.dataFetcher("measurements", measurements).dataFetcher("trend", trend)
                        .dataFetcher("weaknesses", weaknesses).dataFetcher("keyDrivers", keyDrivers))
                .type("Stage", type -> type.dataFetcher("measurements", stageMeasurements));
    }

    /**
     * {@code <days>|<minimum>|<journey id>|<segment filter>|<touchpoint id>} of a touchpoint's analysis field: the
     * touchpoints of one journey share one call for the same arguments.
     */
    private static String journeyAnalysisKey(graphql.schema.DataFetchingEnvironment env, String minimumArgument, int lowest) {
        Integer given = env.getArgument(minimumArgument);
        int minimum = given == null ? 30 : given;
        if (minimum < lowest || minimum > 100_000) {
            throw new IllegalArgumentException(minimumArgument + " must be between " + lowest + " and 100000");
        }
        Touchpoint touchpoint = env.getSource();
        List<Map<String, String>> segment = env.getArgument("segment");
        return window(env.getArgument("days")) + "|" + minimum + "|" + touchpoint.journeyId() + "|"
                + SegmentFilter.key(SegmentFilter.of(segment)) + "|" + touchpoint.id();
    }

    /** A data fetcher that only queues its key with the request's loader {@code loader} (the loader makes the call). */
    private static TrivialDataFetcher<CompletableFuture<List<Map<String, Object>>>> queued(String loader,
            java.util.function.Function<graphql.schema.DataFetchingEnvironment, String> key) {
        return env -> env.<String, List<Map<String, Object>>>getDataLoader(loader).load(key.apply(env));
    }

    /** {@code <days>|<segment filter>} of a measurements field's arguments. */
    private static String windowAndSegment(graphql.schema.DataFetchingEnvironment env) {
        List<Map<String, String>> segment = env.getArgument("segment");
        return window(env.getArgument("days")) + "|" + SegmentFilter.key(SegmentFilter.of(segment));
    }

    private static int window(Integer days) {
        int value = days == null ? 90 : days;
        if (value < 1 || value > 3660) {
            throw new IllegalArgumentException("days must be between 1 and 3660");
        }
        return value;
    }
}
