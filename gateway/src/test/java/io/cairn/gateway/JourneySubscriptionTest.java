package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.platform.test.Eventually;
import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** journeyChanged over graphql-ws: what one designer changes reaches another's subscription. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cairn.data-dir=target/test-data", "spring.main.banner-mode=off", "cairn.subscriptions.poll-interval=150ms"})
class JourneySubscriptionTest {

    static final FakeService journeyService = new FakeService();
    static final FakeService touchpointService = new FakeService();

    static final String SUBSCRIPTION = """
            subscription($id: ID!) { journeyChanged(id: $id) { journeyId journeyVersion changedBy at journey { name version } } }""";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.journey.url", journeyService::url);
        registry.add("cairn.services.touchpoint.url", touchpointService::url);
    }

    @AfterAll
    static void stop() {
        journeyService.close();
        touchpointService.close();
    }

    @Value("${local.server.port}")
    int port;

    WebSocketGraphQlClient client(String token) {
        WebSocketGraphQlClient.Builder<?> builder = WebSocketGraphQlClient.builder(
                "ws://localhost:" + port + "/subscriptions", new ReactorNettyWebSocketClient());
        if (token != null) {
            builder.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", "Bearer " + token));
                }
            });
        }
        return builder.build();
    }

    String token(String user) {
        return ServiceHttp.localhost(port).post("/auth/token", null, Map.of("username", user, "password", "cairn"))
                .json().at("/access_token").asString();
    }

    static String journey(int version, String name, String by, String at) {
        return ServiceHttp.JSON.writeValueAsString(Map.ofEntries(Map.entry("id", "j1"), Map.entry("name", name),
                Map.entry("status", "DRAFT"), Map.entry("tags", List.of()), Map.entry("personas", List.of()),
                Map.entry("stages", List.of()), Map.entry("createdAt", "2026-11-22T10:00:00Z"),
                Map.entry("createdBy", "designer"), Map.entry("updatedAt", at), Map.entry("updatedBy", by),
                Map.entry("version", version)));
    }

    @Test
    void aChangeByOneDesignerReachesAnothersSubscription() {
        journeyService.reply("GET", "/journeys/j1", 200, journey(1, "Trip", "designer", "2026-11-22T10:00:00Z"));
        touchpointService.reply("GET", "/touchpoints", 200, "[]");

        Flux<ClientGraphQlResponse> events = client(token("viewer")).document(SUBSCRIPTION).variable("id", "j1")
                .executeSubscription();
        Mono.delay(Duration.ofMillis(800)).subscribe(tick -> {
            journeyService.reply("GET", "/journeys/j1", 200, journey(2, "Trip, renamed", "designer", "2026-11-22T10:05:00Z"));
            Mono.delay(Duration.ofMillis(800)).subscribe(again -> touchpointService.reply("GET", "/touchpoints", 200,
                    ServiceHttp.JSON.writeValueAsString(List.of(Map.ofEntries(Map.entry("id", "t1"), Map.entry("journeyId", "j1"), Map.entry("stageId", "s1"),
                            Map.entry("name", "Kiosk"), Map.entry("channel", "STORE"), Map.entry("designedEmotion", 0),
                            Map.entry("importanceDerived", false), Map.entry("momentOfTruth", false),
                            Map.entry("updatedAt", "2026-11-22T10:09:00Z"), Map.entry("updatedBy", "admin"),
                            Map.entry("version", 1))))));
        });

        List<ClientGraphQlResponse> received = events.take(2).collectList().block(Duration.ofSeconds(15));

        assertThat(received).hasSize(2);
        assertThat(received.get(0).field("journeyChanged.journeyVersion").toEntity(Integer.class)).isEqualTo(2);
        assertThat(received.get(0).field("journeyChanged.journey.name").toEntity(String.class)).isEqualTo("Trip, renamed");
        assertThat(received.get(0).field("journeyChanged.changedBy").toEntity(String.class)).isEqualTo("designer");
        assertThat(received.get(1).field("journeyChanged.changedBy").toEntity(String.class)).isEqualTo("admin");
        assertThat(received.get(1).field("journeyChanged.at").toEntity(String.class)).isEqualTo("2026-11-22T10:09:00Z");
        // the subscriber's own token went to the services
        assertThat(journeyService.requests()).allMatch(r -> r.authorization() != null && r.authorization().startsWith("Bearer "));
    }

    static String touchpoints(long version, String by, String at) {
        return ServiceHttp.JSON.writeValueAsString(List.of(Map.ofEntries(Map.entry("id", "t1"), Map.entry("journeyId", "j1"),
                Map.entry("stageId", "s1"), Map.entry("name", "Kiosk"), Map.entry("channel", "STORE"), Map.entry("designedEmotion", 0),
                Map.entry("importanceDerived", false), Map.entry("momentOfTruth", false), Map.entry("updatedAt", at),
                Map.entry("updatedBy", by), Map.entry("version", version))));
    }

    static String revisions(List<Map<String, Object>> newestFirst) {
        return ServiceHttp.JSON.writeValueAsString(Map.of("items", newestFirst, "total", newestFirst.size(), "offset", 0, "limit", 50));
    }

    @Test
    void changesMadeBetweenTwoLooksArriveOneByOneOldestFirstWithWhatWasDone() {
        journeyService.reply("GET", "/journeys/j1", 200, journey(1, "Trip", "designer", "2026-11-22T10:00:00Z"));
        touchpointService.reply("GET", "/touchpoints", 200, touchpoints(1, "designer", "2026-11-22T10:00:00Z"));
        journeyService.reply("GET", "/journeys/j1/revisions", 200, revisions(List.of(
                Map.of("number", 3, "operation", "REORDER_STAGES", "actor", "analyst", "at", "2026-11-22T10:02:00Z", "changes", List.of()),
                Map.of("number", 2, "operation", "RENAME_STAGE", "actor", "designer", "at", "2026-11-22T10:01:00Z", "changes", List.of()),
                Map.of("number", 1, "operation", "CREATE", "actor", "designer", "at", "2026-11-22T10:00:00Z", "changes", List.of()))));
        touchpointService.reply("GET", "/touchpoints/t1/revisions", 200, revisions(List.of(
                Map.of("number", 2, "operation", "MOVE", "actor", "admin", "at", "2026-11-22T10:03:00Z", "changes", List.of()),
                Map.of("number", 1, "operation", "CREATE", "actor", "designer", "at", "2026-11-22T10:00:00Z", "changes", List.of()))));

        Flux<ClientGraphQlResponse> events = client(token("viewer")).document(
                "subscription($id: ID!) { journeyChanged(id: $id) { journeyVersion changedBy at operation touchpointId } }")
                .variable("id", "j1").executeSubscription();
        // three changes, two of the journey and one of its touchpoint, between two looks of the feed
        Mono.delay(Duration.ofMillis(800)).subscribe(tick -> {
            // in the order they were made (a look between the two replies sees the journey's changes first, as made)
            journeyService.reply("GET", "/journeys/j1", 200, journey(3, "Trip", "analyst", "2026-11-22T10:02:00Z"));
            touchpointService.reply("GET", "/touchpoints", 200, touchpoints(2, "admin", "2026-11-22T10:03:00Z"));
        });

        List<ClientGraphQlResponse> received = events.take(3).collectList().block(Duration.ofSeconds(15));

        assertThat(received).extracting(r -> r.field("journeyChanged.operation").toEntity(String.class) + " by "
                + r.field("journeyChanged.changedBy").toEntity(String.class))
                .containsExactly("RENAME_STAGE by designer", "REORDER_STAGES by analyst", "MOVE by admin");
        assertThat(received.get(0).field("journeyChanged.journeyVersion").toEntity(Integer.class)).isEqualTo(2);
        assertThat((Object) received.get(1).field("journeyChanged.touchpointId").getValue()).isNull();
        assertThat(received.get(2).field("journeyChanged.touchpointId").toEntity(String.class)).isEqualTo("t1");
    }

    /** Waits up to 10 s for a condition the feed makes true. */
    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, Duration.ofSeconds(10), condition);
    }

    long journeyReads() {
        return journeyService.requests().stream().filter(r -> r.method().equals("GET") && r.uri().equals("/journeys/j1")).count();
    }

    @Autowired
    io.cairn.gateway.journey.JourneyChangeFeed feed;

    /** A subscription's journey names, one per change received, and how it ended (nothing while it is open). */
    record Collected(List<String> names, List<Throwable> ended, reactor.core.Disposable subscription) {
    }

    /** Subscribes to j1 with this token, collecting what arrives. */
    Collected collect(String token) {
        List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Throwable> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        return new Collected(names, ended, client(token).document(SUBSCRIPTION).variable("id", "j1").executeSubscription()
                .subscribe(r -> names.add(r.field("journeyChanged.journey.name").toEntity(String.class)), ended::add,
                        () -> ended.add(new IllegalStateException("completed"))));
    }

    /** j1 at version 1, without touchpoints. */
    static void tripAtVersionOne() {
        journeyService.reply("GET", "/journeys/j1", 200, journey(1, "Trip", "designer", "2026-11-22T10:00:00Z"));
        touchpointService.reply("GET", "/touchpoints", 200, "[]");
    }

    @Test
    void subscribersOfOneJourneyShareOneWatchThatOutlivesTheFirstToLeave() throws Exception {
        tripAtVersionOne();
        Collected one = collect(token("viewer"));
        Collected two = collect(token("designer"));
        List<String> first = one.names();
        List<String> second = two.names();
        await("both subscriptions to open", () -> feed.subscribers() == 2);
        assertThat(feed.watched()).isEqualTo(1);
        // the watch has read the journey once at least, so the next reply is a change
        await("the watch to read the journey", () -> journeyReads() > 0);
        Thread.sleep(300);
        journeyService.reply("GET", "/journeys/j1", 200, journey(2, "Trip, renamed", "designer", "2026-11-22T10:05:00Z"));
        await("the change to reach both", () -> first.size() == 1 && second.size() == 1);

        // two subscribers, one read per interval (150 ms): about 10 in 1.5 s, not 20
        long before = journeyReads();
        Thread.sleep(1500);
        assertThat(journeyReads() - before).isBetween(3L, 13L);

        // the first leaves; the watch goes on for the second
        one.subscription().dispose();
        await("the first to leave", () -> feed.subscribers() == 1);
        journeyService.reply("GET", "/journeys/j1", 200, journey(3, "Trip, renamed again", "designer", "2026-11-22T10:06:00Z"));
        await("the next change to reach the second", () -> second.size() == 2);
        assertThat(second).containsExactly("Trip, renamed", "Trip, renamed again");
        assertThat(first).containsExactly("Trip, renamed");

        // the last leaves: nobody watches, nothing is read
        two.subscription().dispose();
        await("the watch to stop", () -> feed.watched() == 0);
        Thread.sleep(200);
        long after = journeyReads();
        Thread.sleep(600);
        assertThat(journeyReads()).isEqualTo(after);
        assertThat(one.ended()).isEmpty();
        assertThat(two.ended()).isEmpty();
    }

    @Autowired
    io.cairn.platform.security.LocalIssuer issuer;

    @Test
    void aSubscriptionEndsWhenItsOwnTokenExpiresWhileTheOthersOnItsJourneyGoOn() throws Exception {
        tripAtVersionOne();
        Collected staying = collect(token("designer"));
        Collected leaving = collect(issuer.mint("viewer", List.of("viewer"), Duration.ofSeconds(3)));
        List<String> lasting = staying.names();
        List<String> brief = leaving.names();
        List<Throwable> briefEnded = leaving.ended();

        await("the short-lived token to expire", () -> !briefEnded.isEmpty());
        assertThat(briefEnded.get(0)).isInstanceOfSatisfying(org.springframework.graphql.client.SubscriptionErrorException.class, e -> {
            assertThat(e.getErrors().get(0).getMessage()).isEqualTo("The token has expired; subscribe again with a new one");
            assertThat(e.getErrors().get(0).getExtensions()).containsEntry("code", "UNAUTHORIZED");
        });
        await("the expired one to leave", () -> feed.subscribers() == 1);
        journeyService.reply("GET", "/journeys/j1", 200, journey(2, "Trip, renamed", "designer", "2026-11-22T10:05:00Z"));
        await("the change to reach the one whose token is valid", () -> lasting.size() == 1);
        assertThat(brief).isEmpty();
        assertThat(staying.ended()).isEmpty();
        staying.subscription().dispose();
        await("the watch to stop", () -> feed.watched() == 0);
    }

    @Test
    void aDeletedJourneyEndsItsSubscriptionsWithALastChange() throws Exception {
        tripAtVersionOne();
        List<ClientGraphQlResponse> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Throwable> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        client(token("viewer")).document(SUBSCRIPTION).variable("id", "j1").executeSubscription()
                .subscribe(received::add, ended::add, () -> ended.add(new IllegalStateException("completed")));
        await("the subscription to open", () -> feed.subscribers() == 1);
        await("the watch to read the journey", () -> journeyReads() > 0);
        Thread.sleep(300);
        journeyService.reply("GET", "/journeys/j1", 404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"gone\"}");

        await("the subscription to end", () -> !ended.isEmpty());
        assertThat(ended.get(0)).hasMessage("completed");
        assertThat(received).hasSize(1);
        assertThat((Object) received.get(0).field("journeyChanged.journey").getValue()).isNull();
        await("the watch to stop", () -> feed.watched() == 0);
    }

    @Test
    void subscribingNeedsAToken() {
        assertThatThrownBy(() -> client(null).document(SUBSCRIPTION).variable("id", "j1").executeSubscription()
                .blockFirst(Duration.ofSeconds(10))).isNotNull();
        assertThatThrownBy(() -> client("forged").document(SUBSCRIPTION).variable("id", "j1").executeSubscription()
                .blockFirst(Duration.ofSeconds(10))).isNotNull();
    }
}
