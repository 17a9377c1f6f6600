package io.cairn.metrics.kase;

import static io.cairn.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.metrics.alert.AlertRule;
import io.cairn.metrics.score.Metric;
import io.cairn.metrics.webhook.WebhookDispatcher;
import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.Eventually;
import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Listen -> Analyze -> Act over real HTTP: rules open cases for the owning team, cases close with a note, webhooks hear it. */
@CairnServiceTest
@TestPropertySource(properties = {"cairn.webhooks.backoff=100ms,200ms", "cairn.webhooks.poll-interval=100ms", "cairn.alerts.scheduled=false"})
class ActApiTest {

    static final FakeService touchpointService = new FakeService();
    static final FakeService receiver = new FakeService();
    static final String SECRET = "a-long-enough-webhook-secret";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.touchpoint.url", touchpointService::url);
    }

    @AfterAll
    static void stop() {
        touchpointService.close();
        receiver.close();
    }

    @Value("${local.server.port}")
    int port;

    ServiceHttp http;
    String journey;

    /** Touchpoint ids name one touchpoint suite-wide: each test has its own. */
    String tp(String name) {
        return journey + "-" + name;
    }

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        journey = "j-" + UUID.randomUUID();
        touchpointService.reset();
        touchpointService.reply("GET", "/touchpoints", 200, ServiceHttp.JSON.writeValueAsString(List.of(
                Map.of("id", tp("wifi"), "name", "In-flight wifi", "stageId", "fly", "ownerTeam", "digital", "importanceDerived", true),
                Map.of("id", tp("seat"), "name", "Seat comfort", "stageId", "fly", "ownerTeam", "fleet", "importanceDerived", true),
                Map.of("id", tp("food"), "name", "Food", "stageId", "fly", "ownerTeam", "catering", "importanceDerived", true))));
    }

    /** {@code count} answers of {@code score} for a touchpoint, {@code daysAgo} days ago. */
    void answers(String touchpoint, int score, int count, int daysAgo) {
        StringBuilder lines = new StringBuilder();
        Instant at = Instant.now().minus(daysAgo, ChronoUnit.DAYS);
        for (int i = 0; i < count; i++) {
            lines.append(ServiceHttp.JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "journeyId", journey,
                    "at", at.toString(), "items", List.of(Map.of("touchpointId", touchpoint, "metric", "CSAT", "score", score)))))
                    .append('\n');
        }
        assertThat(http.send("POST", "/submissions/bulk", bearer("analyst"), lines.toString(), "application/x-ndjson")
                .json().at("/accepted").asLong()).isEqualTo(count);
    }

    JsonNode rule(Map<String, Object> rule) {
        ServiceHttp.Response created = http.post("/alert-rules", bearer("analyst"), rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    JsonNode evaluate() {
        return http.post("/journeys/" + journey + "/alerts/evaluate", bearer("analyst"), Map.of()).json();
    }

    @Test
    void aRuleOpensOneCaseForTheOwnersThatIsAcknowledgedAndResolved() {
        answers(tp("wifi"), 2, 30, 1);
        answers(tp("wifi"), 5, 10, 2);
        answers(tp("seat"), 5, 40, 1);
        rule(Map.of("journeyId", journey, "type", "BELOW_TARGET", "metric", "CSAT", "threshold", 70, "windowDays", 30, "minN", 20));

        JsonNode opened = evaluate();
        assertThat(opened.size()).isEqualTo(1);
        JsonNode kase = opened.at("/0");
        assertThat(kase.at("/touchpointId").asString()).isEqualTo(tp("wifi"));
        assertThat(kase.at("/ownerTeam").asString()).isEqualTo("digital");
        assertThat(kase.at("/status").asString()).isEqualTo("OPEN");
        assertThat(kase.at("/reason").asString()).contains("CSAT 25.0%", "n=40", "below 70.0%");
        // and as figures, for a client to word in its user's language
        assertThat(kase.at("/finding/kind").asString()).isEqualTo("BELOW_TARGET");
        assertThat(kase.at("/finding/score").asDouble()).isEqualTo(25.0);
        assertThat(kase.at("/finding/n").asLong()).isEqualTo(40);
        assertThat(kase.at("/finding/margin").asDouble()).isBetween(10.0, 17.0);
        assertThat(kase.at("/finding/threshold").asDouble()).isEqualTo(70.0);
        assertThat(kase.at("/finding/days").asInt()).isEqualTo(30);
        assertThat(Duration.between(Instant.parse(kase.at("/openedAt").asString()), Instant.parse(kase.at("/dueAt").asString())))
                .isEqualTo(Duration.ofHours(72));

        JsonNode again = evaluate();
        assertThat(again.at("/0/id").asString()).isEqualTo(kase.at("/id").asString());
        // found again at every run, kept once: the case holds the latest finding, not one per run
        evaluate();
        assertThat(http.get("/cases?journeyId=" + journey, bearer("viewer")).json().size()).isEqualTo(1);

        String id = kase.at("/id").asString();
        long version = http.get("/cases/" + id, bearer("viewer")).json().at("/version").asLong();
        assertThat(http.post("/cases/" + id + "/acknowledge", bearer("viewer"), Map.of("expectedVersion", version)).status())
                .isEqualTo(403);
        JsonNode acknowledged = http.post("/cases/" + id + "/acknowledge", bearer("analyst"), Map.of("expectedVersion", version)).json();
        assertThat(acknowledged.at("/status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(http.post("/cases/" + id + "/resolve", bearer("analyst"),
                Map.of("expectedVersion", acknowledged.at("/version").asLong())).status()).isEqualTo(400);
        JsonNode resolved = http.post("/cases/" + id + "/resolve", bearer("designer"), Map.of("expectedVersion",
                acknowledged.at("/version").asLong(), "note", "New access points on the A320 fleet")).json();
        assertThat(resolved.at("/status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.at("/resolutionNote").asString()).isEqualTo("New access points on the A320 fleet");
        assertThat(resolved.at("/history").findValuesAsString("action"))
                .containsExactly("OPENED", "FOUND_AGAIN", "ACKNOWLEDGED", "RESOLVED");

        // the problem is still there: a new case, not the resolved one
        JsonNode reopened = evaluate();
        assertThat(reopened.at("/0/id").asString()).isNotEqualTo(id);
        assertThat(http.get("/cases?journeyId=" + journey + "&status=OPEN", bearer("viewer")).json().size()).isEqualTo(1);
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    WebhookDispatcher webhooks;

    @Test
    void aBelowTargetRuleWithoutAThresholdHoldsEachTouchpointToItsOwnTarget() {
        touchpointService.reply("GET", "/touchpoints", 200, ServiceHttp.JSON.writeValueAsString(List.of(
                Map.of("id", tp("wifi"), "name", "In-flight wifi", "ownerTeam", "digital", "targets", Map.of("CSAT", 60.0),
                        "importanceDerived", true),
                Map.of("id", tp("seat"), "name", "Seat comfort", "ownerTeam", "fleet", "targets", Map.of("CSAT", 90.0),
                        "importanceDerived", true),
                Map.of("id", tp("food"), "name", "Food", "ownerTeam", "catering", "importanceDerived", true))));
        // each CSAT 75%: above the wifi's target, below the seat's; the food has no target to fall short of
        for (String touchpoint : List.of("wifi", "seat", "food")) {
            answers(tp(touchpoint), 5, 30, 1);
            answers(tp(touchpoint), 2, 10, 1);
        }
        rule(Map.of("journeyId", journey, "type", "BELOW_TARGET", "metric", "CSAT", "windowDays", 30, "minN", 20));

        JsonNode opened = evaluate();
        assertThat(opened.findValuesAsString("touchpointId")).containsExactly(tp("seat"));
        assertThat(opened.at("/0/finding/threshold").asDouble()).isEqualTo(90.0);
        assertThat(opened.at("/0/ownerTeam").asString()).isEqualTo("fleet");
        assertThat(opened.at("/0/reason").asString()).contains("75", "90");
    }

    @Test
    void aFindingForACaseResolvedMeanwhileOpensANewCaseAndIsNotLost() {
        AlertRule rule = new AlertRule("rule-" + journey, journey, null, AlertRule.Type.DETRACTOR_COMMENT, Metric.CSAT,
                null, null, 30, 1, 24, true, "analyst", Instant.now());
        CaseService service = new CaseService(new CaseRepository(mongo), webhooks, java.time.Clock.systemUTC());
        Case first = service.open(rule, tp("seat"), null, "Seat comfort: detractor", "CSAT 1: \"Broken recline\"",
                Case.Finding.detractor(1, "Broken recline", Instant.parse("2026-11-15T08:00:00Z")));
        // the open case as a finding saw it just before someone resolved it
        CaseRepository racing = new CaseRepository(mongo) {
            boolean stale = true;

            @Override
            public java.util.Optional<Case> findOpen(String openKey) {
                if (stale) {
                    stale = false;
                    return java.util.Optional.of(first);
                }
                return super.findOpen(openKey);
            }
        };
        service.resolve(first.id(), first.version(), "Seat replaced", "analyst");

        Case second = new CaseService(racing, webhooks, java.time.Clock.systemUTC())
                .open(rule, tp("seat"), null, "Seat comfort: detractor", "CSAT 2: \"No legroom\"",
                        Case.Finding.detractor(2, "No legroom", Instant.parse("2026-11-15T08:00:00Z")));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.status()).isEqualTo(Case.Status.OPEN);
        assertThat(second.reason()).contains("No legroom");
        assertThat(service.get(first.id()).history()).extracting(Case.Event::action).containsExactly("OPENED", "RESOLVED");
    }

    @Test
    void aDropBeyondTheMarginsOpensACaseAndANoisyOneDoesNot() {
        answers(tp("seat"), 5, 40, 40);
        answers(tp("seat"), 2, 40, 3);
        answers(tp("wifi"), 4, 20, 40);
        answers(tp("wifi"), 3, 1, 3);
        answers(tp("wifi"), 4, 19, 3);
        // 75% -> 60% at n=100: the intervals (65.7-82.5, 50.2-69.1) overlap, but 15 points is beyond the
        // margin of the difference, √(8.4² + 9.5²) = 12.6
        answers(tp("food"), 4, 75, 40);
        answers(tp("food"), 2, 25, 40);
        answers(tp("food"), 4, 60, 3);
        answers(tp("food"), 2, 40, 3);
        rule(Map.of("journeyId", journey, "type", "DROP", "metric", "CSAT", "dropPoints", 10, "windowDays", 30, "minN", 20));

        JsonNode opened = evaluate();
        assertThat(opened.findValuesAsString("touchpointId")).containsExactlyInAnyOrder(tp("seat"), tp("food"));
        assertThat(opened.findValuesAsString("reason")).anySatisfy(r -> assertThat(r).contains("fell from 100.0% (n=40) to 0.0% (n=40)"))
                .anySatisfy(r -> assertThat(r).contains("fell from 75.0% (n=100) to 60.0% (n=100)"));
        assertThat(opened.findValues("finding")).anySatisfy(f -> assertThat(f.toString()).contains("\"kind\":\"DROP\"",
                "\"score\":60.0", "\"n\":100", "\"previousScore\":75.0", "\"previousN\":100", "\"days\":30"));
    }

    List<FakeService.Request> deliveries(String path) {
        return receiver.requests().stream().filter(r -> r.uri().equals(path)).toList();
    }

    @Test
    void aDeliveryLeftWaitingByAStoppedProcessIsSentAndLogged() throws Exception {
        receiver.reply("POST", "/hook-left", 204, "");
        String hook = http.post("/webhooks", bearer("admin"), Map.of("url", receiver.url() + "/hook-left", "secret", SECRET,
                "team", "left-behind")).json().at("/id").asString();
        // as a process leaves it when stopped between two attempts: the first failed, its claim on the item ran out
        java.util.Date past = java.util.Date.from(Instant.now().minusSeconds(5));
        mongo.insert(new org.bson.Document("_id", UUID.randomUUID().toString()).append("webhookId", hook)
                .append("event", "case.opened").append("caseId", "c-left").append("attempt", 2)
                .append("body", new org.bson.types.Binary("{\"text\":\"left behind\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .append("dueAt", past).append("claimedUntil", past), "webhook_outbox");

        Eventually.waitFor(Duration.ofSeconds(10), () -> !deliveries("/hook-left").isEmpty());
        FakeService.Request sent = deliveries("/hook-left").get(0);
        assertThat(sent.body()).isEqualTo("{\"text\":\"left behind\"}");
        assertThat(sent.header("X-Cairn-Signature")).matches("sha256=[0-9a-f]{64}");
        JsonNode log = http.get("/webhooks/" + hook + "/deliveries", bearer("admin")).json();
        assertThat(log.at("/0/attempt").asInt()).isEqualTo(2);
        assertThat(log.at("/0/delivered").asBoolean()).isTrue();
        Eventually.waitFor(Duration.ofSeconds(5),
                () -> mongo.getCollection("webhook_outbox").countDocuments(new org.bson.Document("webhookId", hook)) == 0);
        assertThat(mongo.getCollection("webhook_outbox").countDocuments(new org.bson.Document("webhookId", hook))).isZero();
    }

    @Test
    void aDetractorWithACommentOpensAFollowUpAndWebhooksAreSignedAndRetried() throws Exception {
        receiver.reset();
        receiver.reply("POST", "/hook", 500, "{}");
        JsonNode hook = http.post("/webhooks", bearer("admin"), Map.of("url", receiver.url() + "/hook", "secret", SECRET,
                "team", "fleet")).json();
        assertThat(hook.has("secret")).isFalse();
        assertThat(hook.at("/language").asString()).isEqualTo("en");
        // a second subscriber reads its texts in simplified Chinese; a language the suite does not speak is refused
        receiver.reply("POST", "/hook-zh", 204, "");
        assertThat(http.post("/webhooks", bearer("admin"), Map.of("url", receiver.url() + "/hook-zh", "secret", SECRET,
                "team", "fleet", "language", "zh-CN")).status()).isEqualTo(201);
        ServiceHttp.Response french = http.post("/webhooks", bearer("admin"), Map.of("url", receiver.url() + "/hook-fr",
                "secret", SECRET, "language", "fr"));
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.json().at("/errors/0/message").asString()).isEqualTo("must be one of en, zh-CN, zh-TW");
        assertThat(http.post("/webhooks", bearer("analyst"), Map.of("url", receiver.url(), "secret", SECRET)).status()).isEqualTo(403);
        rule(Map.of("journeyId", journey, "type", "DETRACTOR_COMMENT", "metric", "CSAT", "slaHours", 24));

        ServiceHttp.Response submitted = http.post("/submissions", bearer("analyst"), Map.of("id", "d-1", "journeyId", journey,
                "items", List.of(Map.of("touchpointId", tp("seat"), "metric", "CSAT", "score", 1, "comment", "Broken recline, 9 hours"))));
        assertThat(submitted.status()).isEqualTo(201);
        http.post("/submissions", bearer("analyst"), Map.of("id", "d-2", "journeyId", journey,
                "items", List.of(Map.of("touchpointId", tp("seat"), "metric", "CSAT", "score", 2))));

        JsonNode cases = http.get("/cases?journeyId=" + journey, bearer("viewer")).json();
        assertThat(cases.size()).isEqualTo(1);
        assertThat(cases.at("/0/ownerTeam").asString()).isEqualTo("fleet");
        assertThat(cases.at("/0/reason").asString()).contains("CSAT 1", "Broken recline, 9 hours");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        receiver.reply("POST", "/hook", 500, "{}");
        while (deliveries("/hook").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        receiver.reply("POST", "/hook", 204, "");
        while ((deliveries("/hook").size() < 2 || deliveries("/hook-zh").isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<FakeService.Request> deliveries = deliveries("/hook");
        assertThat(deliveries).hasSizeGreaterThanOrEqualTo(2);
        FakeService.Request delivered = deliveries.get(deliveries.size() - 1);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(delivered.header("X-Cairn-Signature"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(delivered.body().getBytes(StandardCharsets.UTF_8))));
        JsonNode payload = ServiceHttp.JSON.readTree(delivered.body());
        assertThat(payload.at("/event").asString()).isEqualTo("case.opened");
        assertThat(payload.at("/text").asString()).contains("New case for fleet", "detractor");
        JsonNode chinese = ServiceHttp.JSON.readTree(deliveries("/hook-zh").get(0).body());
        assertThat(chinese.at("/language").asString()).isEqualTo("zh-CN");
        assertThat(chinese.at("/text").asString()).startsWith("fleet 有新工单：Seat comfort：需跟进的贬损者（CSAT 1，评论：“Broken recline, 9 hours”（");
        assertThat(chinese.at("/case/id").asString()).isEqualTo(payload.at("/case/id").asString());

        Thread.sleep(200);
        JsonNode log = http.get("/webhooks/" + hook.at("/id").asString() + "/deliveries", bearer("admin")).json();
        assertThat(log.findValues("delivered").stream().map(JsonNode::asBoolean).toList()).contains(true, false);
    }
}
