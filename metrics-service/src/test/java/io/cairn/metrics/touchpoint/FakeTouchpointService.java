package io.cairn.metrics.touchpoint;

import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * touchpoint-service as metrics-service asks it (a real HTTP server): {@code GET /touchpoints?journeyId=}
 * answers the touchpoints a test gave each journey, and 503 for a journey a test marked as failing.
 */
public final class FakeTouchpointService implements AutoCloseable {

    private final FakeService server = new FakeService();
    private final Map<String, List<Map<String, Object>>> byJourney = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    public FakeTouchpointService() {
        server.replyWith("GET", "/touchpoints", request -> {
            List<Object> answer = new ArrayList<>();
            for (String journey : journeysOf(request.uri())) {
                if (failing.contains(journey)) {
                    return new FakeService.Reply(503, "application/problem+json", "{\"status\":503}", 0);
                }
                answer.addAll(byJourney.getOrDefault(journey, List.of()));
            }
            return new FakeService.Reply(200, "application/json", ServiceHttp.JSON.writeValueAsString(answer), 0);
        });
    }

    public String url() {
        return server.url();
    }

    /** Touchpoints (with these ids, nothing else set) of the journey, besides those it has. */
    public void add(String journeyId, String... touchpointIds) {
        Arrays.stream(touchpointIds).forEach(id -> add(journeyId, Map.of("id", id, "name", id, "importanceDerived", true)));
    }

    /** A touchpoint as touchpoint-service would answer it, besides those the journey has. */
    public void add(String journeyId, Map<String, Object> touchpoint) {
        byJourney.computeIfAbsent(journeyId, j -> new CopyOnWriteArrayList<>()).add(touchpoint);
    }

    /** From now on, asking for this journey's touchpoints fails (503). */
    public void fail(String journeyId) {
        failing.add(journeyId);
    }

    /** How many times the touchpoints of this journey were asked for. */
    public long asked(String journeyId) {
        return server.requests().stream().filter(r -> journeysOf(r.uri()).contains(journeyId)).count();
    }

    private static List<String> journeysOf(String uri) {
        String query = URI.create(uri).getRawQuery();
        return query == null ? List.of() : Arrays.stream(query.split("&")).filter(p -> p.startsWith("journeyId="))
                .map(p -> URLDecoder.decode(p.substring("journeyId=".length()), StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
