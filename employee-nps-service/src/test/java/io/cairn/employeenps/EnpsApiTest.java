package io.cairn.employeenps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceHttp;
import io.cairn.platform.test.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@CairnServiceTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "cairn.enps.public-rate-limit=1000000")
class EnpsApiTest {

    static final String HR = EnpsClient.HR;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    EnpsClient enps;
    ServiceHttp http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        enps = new EnpsClient(http);
        Map<String, String> tree = new LinkedHashMap<>();
        tree.put("company", null);
        tree.put("sales", "company");
        tree.put("sales-north", "sales");
        tree.put("support", "company");
        tree.put("legal", "company");
        enps.departments(tree);
    }

    @Test
    void campaignsHaveDefaultsAndALifecycleAndRefuseUnsafeOrInvalidSettings() {
        assertThat(http.post("/campaigns", HR, Map.of("name", "Q1", "departments", List.of("company"), "minGroupSize", 2))
                .json().at("/detail").asString()).isEqualTo("minGroupSize is 2; anonymity needs at least 3");
        // the same refusal in the caller's language
        assertThat(http.post("/campaigns", HR, Map.of("name", "Q1", "departments", List.of("company"), "minGroupSize", 2),
                Map.of("Accept-Language", "zh-TW")).json().at("/detail").asString())
                .isEqualTo("顯示分數的最少人數為 2；為保障匿名，至少需要 3 人");
        assertThat(http.post("/campaigns", HR, Map.of("name", "Q1", "departments", List.of("nowhere"))).status()).isEqualTo(400);
        assertThat(http.post("/campaigns", HR, Map.of("name", "Q1", "departments", List.of("company"), "language", "fr"))
                .status()).isEqualTo(400);
        assertThat(http.post("/campaigns", HR, Map.of("name", "Q1", "departments", List.of("company"),
                "minGroupSize", 8, "minCommentGroupSize", 6)).status()).isEqualTo(400);

        JsonNode draft = enps.createCampaign("Pulse", List.of("company"), Map.of("company", "Acme"));
        assertThat(draft.at("/status").asString()).isEqualTo("DRAFT");
        assertThat(draft.at("/minGroupSize").asInt()).isEqualTo(5);
        assertThat(draft.at("/minCommentGroupSize").asInt()).isEqualTo(10);
        assertThat(draft.at("/question/en").asString()).isEqualTo("How likely are you to recommend Acme as a place to work?");
        assertThat(draft.at("/question/zh-CN").asString()).contains("Acme");

        ServiceHttp.Response edited = http.send("PATCH", "/campaigns/" + EnpsClient.id(draft), HR,
                Map.of("expectedVersion", 1, "openQuestion", Map.of("en", "What would make it better?", "zh-CN", "什么能让它更好？")));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(http.send("PATCH", "/campaigns/" + EnpsClient.id(draft), HR, Map.of("expectedVersion", 1, "name", "x"))
                .json().at("/code").asString()).isEqualTo("CONFLICT");

        JsonNode open = enps.step(edited.json(), "open");
        assertThat(open.at("/status").asString()).isEqualTo("OPEN");
        ServiceHttp.Response lateEdit = http.send("PATCH", "/campaigns/" + EnpsClient.id(open), HR,
                Map.of("expectedVersion", open.at("/version").asLong(), "minGroupSize", 3));
        assertThat(lateEdit.status()).isEqualTo(409);
        assertThat(lateEdit.json().at("/code").asString()).isEqualTo("INVALID_STATE");
        assertThat(http.get("/campaigns/" + EnpsClient.id(open) + "/results", HR).json().at("/code").asString())
                .isEqualTo("RESULTS_NOT_RELEASED");

        JsonNode closed = enps.step(open, "close");
        assertThat(closed.at("/status").asString()).isEqualTo("CLOSED");
        assertThat(closed.at("/resultsReleased").asBoolean()).isTrue();
        assertThat(http.get("/campaigns/" + EnpsClient.id(closed) + "/results", HR).status()).isEqualTo(200);
        assertThat(http.post("/campaigns/" + EnpsClient.id(closed) + "/open", HR, Map.of("expectedVersion", closed.at("/version").asLong()))
                .status()).isEqualTo(409);
    }

    @Test
    void onlyHrAdminsAndLeadersReadEmployeeNpsAndLeadersOnlyTheirOwnSubtree() {
        JsonNode campaign = enps.openCampaign("Access", List.of("company"));
        Map<String, List<String>> links = enps.links(campaign, Map.of("sales", 6, "sales-north", 5, "support", 6));
        links.values().forEach(tokens -> tokens.forEach(token -> enps.answer(token, 9, null)));
        campaign = enps.step(http.get("/campaigns/" + EnpsClient.id(campaign), HR).json(), "close");
        String results = "/campaigns/" + EnpsClient.id(campaign) + "/results";

        for (String role : List.of("designer", "analyst", "viewer")) {
            assertThat(http.get(results, TestTokens.bearer(role)).status()).as(role).isEqualTo(403);
            assertThat(http.get("/campaigns", TestTokens.bearer(role)).status()).as(role).isEqualTo(403);
            assertThat(http.get("/results/departments", TestTokens.bearer(role)).status()).as(role).isEqualTo(403);
        }
        // the employee's link is no credential for anything but its own survey
        String link = links.get("support").get(0);
        assertThat(http.get(results, "Bearer " + link).status()).isEqualTo(401);
        assertThat(http.get(results, null).status()).isEqualTo(401);
        // a leader without a department in the token reads nothing
        assertThat(http.get(results, TestTokens.bearer("leader")).status()).isEqualTo(403);

        JsonNode sales = http.get(results, TestTokens.leaderBearer("sales")).json();
        assertThat(sales.at("/overall").isNull() || sales.at("/overall").isMissingNode()).isTrue();
        assertThat(sales.at("/departments").valueStream().map(d -> d.at("/department").asString()).toList())
                .containsExactly("sales", "sales-north");
        assertThat(http.get(results, TestTokens.leaderBearer("support")).json().at("/departments").size()).isEqualTo(1);
        assertThat(http.get("/results/trend", TestTokens.leaderBearer("sales")).status()).isEqualTo(403);
        String id = EnpsClient.id(campaign);
        assertThat(http.get("/results/trend?department=support", TestTokens.leaderBearer("sales")).json().valueStream()
                .filter(p -> p.at("/campaignId").asString().equals(id)).toList()).isEmpty();
        assertThat(http.get("/results/trend?department=sales-north", TestTokens.leaderBearer("sales")).json().valueStream()
                .filter(p -> p.at("/campaignId").asString().equals(id)).toList()).hasSize(1);
        // designers pick touchpoint owners from the departments, which hold no survey data
        assertThat(http.get("/departments", TestTokens.bearer("designer")).json().size()).isEqualTo(5);
        assertThat(http.send("PUT", "/departments", TestTokens.bearer("designer"), List.of()).status()).isEqualTo(403);
        assertThat(http.post("/campaigns", TestTokens.bearer("designer"), Map.of("name", "x")).status()).isEqualTo(403);
    }

    @Test
    void rostersIssueOneLinkPerPersonAndABadRosterIssuesNothing() {
        JsonNode campaign = enps.createCampaign("Roster", List.of("sales"), Map.of());
        String roster = "/campaigns/" + EnpsClient.id(campaign) + "/invitations/roster";

        ServiceHttp.Response bad = http.send("POST", roster, HR,
                "Email,Department\nann@acme.example,sales\nnot-an-email,sales\nbob@acme.example,support\nann@acme.example,sales-north\n",
                "text/csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/code").asString()).isEqualTo("ROSTER_INVALID");
        assertThat(bad.json().at("/errors").valueStream().map(e -> e.at("/row").asInt() + ":" + e.at("/column").asString()
                + ":" + e.at("/reason").asString() + ":" + e.at("/code").asString() + ":" + e.at("/value").asString()).toList())
                .containsExactly("3:Email:is not an email address:NOT_AN_EMAIL:",
                        "4:Department:department support is not in the campaign:DEPARTMENT_NOT_IN_CAMPAIGN:support",
                        "5:Email:repeats row 2:REPEATS_ROW:2");
        assertThat(mongo.count(new Query(), "invitations")).isZero();
        assertThat(http.send("POST", roster, HR, "name;phone\nx;y\n", "text/csv").json().at("/detail").asString())
                .isEqualTo("The roster needs a header row with a 'department' column");
        assertThat(http.send("POST", roster, HR, "name;phone\nx;y\n", "text/csv", Map.of("Accept-Language", "zh-CN"))
                .json().at("/detail").asString()).isEqualTo("名单需要包含“department”列的标题行");

        ServiceHttp.Response issued = http.send("POST", roster, HR,
                "Email,Department,Name\nAnn@Acme.example , Sales,Ann\nbob@acme.example,sales-north,Bob\n", "text/csv");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().at("/issued").asInt()).isEqualTo(2);
        assertThat(issued.json().at("/links/0/url").asString()).startsWith("http://localhost:8080/survey#");

        ServiceHttp.Response again = http.send("POST", roster + "?format=csv", HR,
                "email,department\nann@acme.example,sales\ncarl@acme.example,sales\n", "text/csv");
        assertThat(again.contentType()).startsWith("text/csv");
        assertThat(again.body().lines().toList()).hasSize(2).first().isEqualTo("department,email,link");
        assertThat(again.body()).contains("carl@acme.example").doesNotContain("ann@");

        JsonNode participation = http.get("/campaigns/" + EnpsClient.id(campaign) + "/participation", HR).json();
        assertThat(participation.at("/0/invited").asLong()).isEqualTo(3);
        assertThat(participation.at("/1/department").asString()).isEqualTo("sales");
        assertThat(participation.at("/1/invited").asLong()).isEqualTo(3);
        assertThat(participation.at("/2/invited").asLong()).isEqualTo(1);
        // several campaigns in one call, the same rows by campaign; a leader's only of their department and those below it
        JsonNode byCampaign = http.get("/participation?campaignId=" + EnpsClient.id(campaign), HR).json();
        assertThat(byCampaign.get(EnpsClient.id(campaign))).isEqualTo(participation);
        JsonNode leaders = http.get("/participation?campaignId=" + EnpsClient.id(campaign), TestTokens.leaderBearer("sales")).json();
        assertThat(leaders.get(EnpsClient.id(campaign)).findValuesAsString("department")).containsOnly("sales", "sales-north");
        assertThat(leaders.get(EnpsClient.id(campaign)).size()).isLessThan(participation.size());
        assertThat(http.get("/participation", HR).status()).isEqualTo(400);
        // no email is stored anywhere a link or response lives
        assertThat(mongo.findAll(Document.class, "invitations").toString()).doesNotContain("@");
        assertThat(mongo.findAll(Document.class, "invitees").toString()).doesNotContain("@");
    }

    @Test
    void aLinkAnswersOnceAndTheResponseCarriesNeitherTheLinkNorTheTime(CapturedOutput output) {
        JsonNode campaign = enps.openCampaign("Once", List.of("support"));
        String token = enps.links(campaign, Map.of("support", 1)).get("support").get(0);

        JsonNode survey = http.post("/public/survey", null, Map.of("token", token)).json();
        assertThat(survey.at("/question").asString()).contains("recommend");
        assertThat(http.post("/public/survey", null, Map.of("token", token, "language", "zh-TW")).json()
                .at("/question").asString()).contains("推薦");

        assertThat(enps.answer(token, 11, null).status()).isEqualTo(400);
        assertThat(http.post("/public/survey/responses", null, Map.of("token", token, "score", "nine")).status()).isEqualTo(400);
        assertThat(enps.answer(token, 8, "ignored: this campaign asks no open question").status()).isEqualTo(201);
        ServiceHttp.Response second = enps.answer(token, 2, null);
        assertThat(second.status()).isEqualTo(410);
        assertThat(second.json().at("/code").asString()).isEqualTo("LINK_USED");
        assertThat(second.json().at("/language").asString()).isEqualTo("en");
        assertThat(http.post("/public/survey", null, Map.of("token", token)).json().at("/code").asString()).isEqualTo("LINK_USED");
        assertThat(enps.answer("no-such-link", 5, null).json().at("/code").asString()).isEqualTo("LINK_NOT_FOUND");

        List<Document> stored = mongo.find(Query.query(Criteria.where("campaignId").is(EnpsClient.id(campaign))),
                Document.class, "responses");
        assertThat(stored).hasSize(1);
        Document response = stored.get(0);
        assertThat(response.keySet()).doesNotContain("tokenHash", "invitation", "createdAt", "time", "email");
        assertThat(response.get("_id")).isInstanceOf(String.class);
        assertThat(response.get("score")).isEqualTo(8);
        assertThat(response.get("comment")).isNull();
        // the day only: stored as midnight UTC
        assertThat(((java.util.Date) response.get("day")).toInstant()).isEqualTo(Instant.now().truncatedTo(ChronoUnit.DAYS));
        // the requests were logged, the token never
        assertThat(output.getOut()).contains("/public/survey/responses").doesNotContain(token);
    }

    @Test
    void closedAndNotYetOpenCampaignsSaySo() {
        JsonNode later = enps.step(enps.createCampaign("Later", List.of("legal"),
                Map.of("opensAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())), "open");
        String early = enps.links(later, Map.of("legal", 1)).get("legal").get(0);
        ServiceHttp.Response notYet = enps.answer(early, 9, null);
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.json().at("/code").asString()).isEqualTo("CAMPAIGN_NOT_OPEN");

        JsonNode now = enps.openCampaign("Now", List.of("legal"));
        String late = enps.links(now, Map.of("legal", 1)).get("legal").get(0);
        enps.step(now, "close");
        ServiceHttp.Response closed = enps.answer(late, 9, null);
        assertThat(closed.status()).isEqualTo(410);
        assertThat(closed.json().at("/code").asString()).isEqualTo("CAMPAIGN_CLOSED");
        assertThat(closed.json().at("/detail").asString()).contains("closed");
    }

    @Test
    void fiftyConcurrentSubmissionsWithOneLinkStoreExactlyOneResponse() throws Exception {
        JsonNode campaign = enps.openCampaign("Race", List.of("legal"));
        String token = enps.links(campaign, Map.of("legal", 1)).get("legal").get(0);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int score = i % 11;
            statuses.add(pool.submit(() -> {
                start.await();
                return enps.answer(token, score, null).status();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();

        assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
        assertThat(codes).filteredOn(code -> code != 201).allMatch(code -> code == 410);
        assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(EnpsClient.id(campaign))), "responses")).isEqualTo(1);
    }

    @Test
    void resultsShowLargeGroupsHideSmallOnesAndTheirComplementAndExportTheSame() {
        JsonNode campaign = enps.step(enps.createCampaign("Results", List.of("company"),
                Map.of("openQuestion", Map.of("en", "Why?"))), "open");
        Map<String, List<String>> links = enps.links(campaign, Map.of("sales", 12, "support", 9, "legal", 3));
        int[] salesScores = {10, 10, 9, 9, 9, 8, 7, 6, 5, 10, 9, 3};
        for (int i = 0; i < 12; i++) {
            assertThat(enps.answer(links.get("sales").get(i), salesScores[i], "sales comment " + (char) ('a' + i)).status())
                    .isEqualTo(201);
        }
        links.get("support").forEach(t -> enps.answer(t, 6, "support comment"));
        links.get("legal").forEach(t -> enps.answer(t, 0, "legal comment"));
        campaign = enps.step(http.get("/campaigns/" + EnpsClient.id(campaign), HR).json(), "close");

        JsonNode results = http.get("/campaigns/" + EnpsClient.id(campaign) + "/results", HR).json();
        JsonNode overall = results.at("/overall");
        assertThat(overall.at("/answered").asLong()).isEqualTo(24);
        assertThat(overall.at("/hidden").asBoolean()).isFalse();
        // 7 promoters, 0 passives + 2 (8,7), 15 detractors of 24: (7 - 15) / 24 = -33.3
        assertThat(overall.at("/figures/enps").asDouble()).isEqualTo(-33.3);
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        results.at("/departments").forEach(d -> byCode.put(d.at("/department").asString(), d));
        assertThat(byCode.keySet()).containsExactly("company", "legal", "sales", "sales-north", "support");
        JsonNode sales = byCode.get("sales");
        assertThat(sales.at("/figures/n").asLong()).isEqualTo(12);
        assertThat(sales.at("/figures/promoters").asLong()).isEqualTo(7);
        assertThat(sales.at("/figures/detractors").asLong()).isEqualTo(3);
        assertThat(sales.at("/figures/enps").asDouble()).isEqualTo(33.3);
        assertThat(sales.at("/comments").size()).isEqualTo(12);
        assertThat(byCode.get("legal").at("/hidden").asBoolean()).isTrue();
        assertThat(byCode.get("legal").at("/hiddenReason").asString()).isEqualTo("hidden: fewer than 5 responses");
        assertThat(byCode.get("legal").at("/figures").isNull()).isTrue();
        // support is big enough, but company minus sales minus support would be legal
        assertThat(byCode.get("support").at("/hidden").asBoolean()).isTrue();
        assertThat(byCode.get("support").at("/hiddenReason").asString()).contains("smaller group");
        assertThat(byCode.get("support").at("/hiddenRule").asString()).isEqualTo("PROTECTS_SMALLER_GROUP");
        assertThat(byCode.get("legal").at("/hiddenRule").asString()).isEqualTo("FEWER_THAN_MINIMUM");
        assertThat(byCode.get("support").at("/comments").size()).isZero();
        assertThat(byCode.get("company").at("/hidden").asBoolean()).isFalse();
        // 24 responses reach the comment minimum, but the whole minus sales (12) would be the other 12's comments
        assertThat(overall.at("/commentsHidden").asBoolean()).isFalse();
        assertThat(overall.at("/comments").size()).isEqualTo(24);
        assertThat(byCode.get("legal").at("/comments").size()).isZero();

        String csv = http.get("/campaigns/" + EnpsClient.id(campaign) + "/results.csv", HR).body();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(1 + 1 + 5);
        assertThat(lines.get(0)).startsWith("department,name,parent,invited,answered,response_rate,shown,enps");
        assertThat(lines.stream().filter(l -> l.startsWith("legal,")).findFirst().orElseThrow())
                .contains("hidden: fewer than 5 responses").doesNotContain("-100");
        assertThat(lines.stream().filter(l -> l.startsWith("sales,")).findFirst().orElseThrow()).contains(",33.3,");
        // the reader's language says why a group is hidden; the figures and columns stay as they are
        List<String> traditional = http.get("/campaigns/" + EnpsClient.id(campaign) + "/results.csv", HR,
                Map.of("Accept-Language", "zh-TW")).body().lines().toList();
        assertThat(traditional.get(0)).isEqualTo(lines.get(0));
        assertThat(traditional.stream().filter(l -> l.startsWith("legal,")).findFirst().orElseThrow())
                .contains(",已隱藏：回答少於 5 份,");

        JsonNode dual = http.get("/results/departments", HR).json();
        assertThat(dual.valueStream().filter(d -> d.at("/department").asString().equals("sales")).findFirst().orElseThrow()
                .at("/group/figures/enps").asDouble()).isEqualTo(33.3);
        assertThat(dual.valueStream().filter(d -> d.at("/department").asString().equals("legal")).findFirst().orElseThrow()
                .at("/group/hidden").asBoolean()).isTrue();
    }
}
