package io.cairn.journey.journey;

import static io.cairn.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@CairnServiceTest
class JourneyApiTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    ServiceHttp http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), Journey.class);
    }

    @Test
    void aDesignerCreatesAJourneyThatAViewerThenFindsAndReads() {
        ServiceHttp.Response created = http.post("/journeys", bearer("designer"), Map.of(
                "name", "  Airline trip ", "description", "From booking to baggage claim",
                "ownerTeam", "Customer Care", "tags", List.of("Travel ", "travel", "B2C"),
                "personas", List.of(Map.of("name", "Business traveller", "goals", List.of("Arrive on time")))));

        assertThat(created.status()).isEqualTo(201);
        JsonNode journey = created.json();
        String id = journey.at("/id").asString();
        assertThat(journey.at("/name").asString()).isEqualTo("Airline trip");
        assertThat(journey.at("/status").asString()).isEqualTo("DRAFT");
        assertThat(journey.at("/createdBy").asString()).isEqualTo("designer");
        assertThat(journey.at("/version").asLong()).isEqualTo(1);
        assertThat(journey.at("/tags").toString()).isEqualTo("[\"travel\",\"b2c\"]");
        assertThat(journey.at("/personas/0/goals/0").asString()).isEqualTo("Arrive on time");

        JsonNode read = http.get("/journeys/" + id, bearer("viewer")).json();
        assertThat(read).isEqualTo(journey);

        JsonNode page = http.get("/journeys?tag=TRAVEL&text=airline", bearer("viewer")).json();
        assertThat(page.at("/total").asLong()).isEqualTo(1);
        assertThat(page.at("/items/0/id").asString()).isEqualTo(id);
        assertThat(http.get("/journeys?status=ARCHIVED", bearer("viewer")).json().at("/total").asLong()).isZero();
    }

    @Test
    void listingPagesAndSorts() {
        for (String name : List.of("Charlie", "alpha", "Bravo")) {
            assertThat(http.post("/journeys", bearer("designer"), Map.of("name", name)).status()).isEqualTo(201);
        }

        JsonNode first = http.get("/journeys?sort=name,asc&limit=2", bearer("viewer")).json();
        JsonNode second = http.get("/journeys?sort=name,asc&limit=2&offset=2", bearer("viewer")).json();

        assertThat(first.at("/total").asLong()).isEqualTo(3);
        assertThat(first.at("/items").size()).isEqualTo(2);
        assertThat(second.at("/items").size()).isEqualTo(1);
        // byte order, as MongoDB sorts without a collation
        assertThat(List.of(first.at("/items/0/name").asString(), first.at("/items/1/name").asString(),
                second.at("/items/0/name").asString())).containsExactly("Bravo", "Charlie", "alpha");
        assertThat(http.get("/journeys?limit=500", bearer("viewer")).status()).isEqualTo(400);
        assertThat(http.get("/journeys?sort=secret", bearer("viewer")).json().at("/errors/0/field").asString())
                .isEqualTo("sort");
    }

    @Test
    void invalidInputIsRefusedWithTheFieldsAndNothingIsStored() {
        ServiceHttp.Response refused = http.post("/journeys", bearer("designer"), Map.of(
                "name", " ", "tags", List.of("x".repeat(51)), "ownerTeam", "<script>"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "tags[0]", "ownerTeam");
        assertThat(http.post("/journeys", bearer("designer"), "{\"name\":").json().at("/code").asString())
                .isEqualTo("BAD_REQUEST");
        java.util.List<Map<String, String>> stages = java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> Map.of("name", "Stage " + i)).toList();
        assertThat(http.post("/journeys", bearer("designer"), Map.of("name", "Too long", "stages", stages))
                .json().at("/errors/0/field").asString()).isEqualTo("stages");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Journey.class)).isZero();
    }

    @Test
    void aRefusalIsExplainedInTheCallersLanguageAndInEnglishForAnyOther() {
        Map<String, Object> invalid = Map.of("name", " ", "ownerTeam", "<script>");
        java.util.function.Function<String, JsonNode> refusedIn = language -> http.post("/journeys", bearer("designer"),
                invalid, language == null ? Map.of() : Map.of("Accept-Language", language)).json();

        JsonNode simplified = refusedIn.apply("zh-CN,zh;q=0.9");
        assertThat(simplified.at("/detail").asString()).startsWith("输入无效：");
        assertThat(messages(simplified)).containsEntry("name", "不能为空")
                .containsEntry("ownerTeam", "只能包含字母、数字、空格和 . _ / & -");
        assertThat(messages(refusedIn.apply("zh-TW"))).containsEntry("name", "不得空白")
                .containsEntry("ownerTeam", "只能包含字母、數字、空格和 . _ / & -");
        // a language the suite does not speak, a region of English and no header at all: English
        for (String language : java.util.Arrays.asList("fr-FR", "en-GB", null)) {
            JsonNode english = refusedIn.apply(language);
            assertThat(english.at("/detail").asString()).startsWith("Invalid input: ");
            assertThat(messages(english)).containsEntry("name", "must not be blank")
                    .containsEntry("ownerTeam", "may contain letters, digits, spaces and . _ / & - only");
        }
        assertThat(http.post("/journeys", bearer("designer"), Map.of("name", "Trip",
                "stages", List.of(Map.of("name", "Book", "designedEmotion", "happy"))), Map.of("Accept-Language", "zh-TW"))
                .json().at("/errors/0/message").asString()).isEqualTo("必須是數字");
        // refusals the service words itself, and what does not exist
        assertThat(http.get("/journeys/nope", bearer("viewer"), Map.of("Accept-Language", "zh-TW")).json().at("/detail")
                .asString()).isEqualTo("旅程 nope 不存在");
        assertThat(http.get("/journeys/nope", bearer("viewer")).json().at("/detail").asString())
                .isEqualTo("Journey nope does not exist");
    }

    private static Map<String, String> messages(JsonNode problem) {
        Map<String, String> messages = new java.util.HashMap<>();
        problem.at("/errors").forEach(e -> messages.put(e.at("/field").asString(), e.at("/message").asString()));
        return messages;
    }

    @Test
    void theOpenApiDocumentDescribesTheJourneyApi() {
        JsonNode docs = http.get("/v3/api-docs", bearer("viewer")).json();
        assertThat(docs.at("/paths").propertyNames()).contains("/journeys", "/journeys/{id}/stages/order",
                "/journeys/{id}/revisions/diff", "/templates/{key}/journeys");
        assertThat(docs.at("/components/schemas/CreateJourneyRequest/properties/name/maxLength").asInt()).isEqualTo(200);
    }

    @Test
    void viewersCannotCreateAndUnknownJourneysAreNotFound() {
        ServiceHttp.Response forbidden = http.post("/journeys", bearer("viewer"), Map.of("name", "Nope"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().at("/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(http.post("/journeys", bearer("admin"), Map.of("name", "Admins may")).status()).isEqualTo(201);

        ServiceHttp.Response missing = http.get("/journeys/nope", bearer("viewer"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/code").asString()).isEqualTo("NOT_FOUND");
    }
}
