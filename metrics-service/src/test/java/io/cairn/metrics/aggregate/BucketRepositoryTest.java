package io.cairn.metrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cairn.metrics.ingest.Submission;
import io.cairn.metrics.ingest.SubmissionRequest;
import io.cairn.metrics.score.Correlation;
import io.cairn.metrics.score.Distribution;
import io.cairn.metrics.score.Metric;
import io.cairn.platform.mongo.EmbeddedMongoServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Windows read from month buckets plus or minus day buckets give exactly what the answers in the
 * window add up to: checked against a direct count of random answers, for windows of every shape.
 */
class BucketRepositoryTest {

    static final LocalDate FIRST = LocalDate.parse("2025-12-20");
    static final int DAYS = 110;
    static EmbeddedMongoServer server;
    static MongoClient client;
    static BucketRepository buckets;
    static List<Submission> submissions = new ArrayList<>();

    @BeforeAll
    static void load() {
        server = EmbeddedMongoServer.memory("127.0.0.1", 0);
        client = MongoClients.create(server.connectionString("buckets"));
        buckets = new BucketRepository(new MongoTemplate(client, "buckets"));
        Random random = new Random(11);
        for (int i = 0; i < 3000; i++) {
            String day = FIRST.plusDays(random.nextInt(DAYS)).toString();
            List<Submission.Answer> answers = new ArrayList<>();
            answers.add(new Submission.Answer("tp-" + random.nextInt(4), Metric.CSAT, 1 + random.nextInt(5), null));
            if (random.nextBoolean()) {
                answers.add(new Submission.Answer("tp-nps", Metric.NPS, random.nextInt(11), null));
            }
            submissions.add(new Submission("j:" + i, "j", Instant.parse(day + "T10:00:00Z"), day,
                    Map.of("class", random.nextBoolean() ? "business" : "eco"), SubmissionRequest.OutcomeType.NPS,
                    random.nextInt(4) == 0 ? null : random.nextInt(11), answers, Instant.now()));
        }
        // in batches, as ingestion writes them
        for (int i = 0; i < submissions.size(); i += 700) {
            buckets.add(submissions.subList(i, Math.min(submissions.size(), i + 700)), (tp, day) -> true);
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void everyWindowAddsUpToTheAnswersInIt() {
        List<String> touchpoints = List.of("tp-0", "tp-1", "tp-2", "tp-3", "tp-nps", "tp-never");
        Random random = new Random(5);
        List<LocalDate[]> windows = new ArrayList<>(List.of(
                new LocalDate[] {LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")}, // one whole month
                new LocalDate[] {LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-30")}, // the month less two days
                new LocalDate[] {LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-01")}, // across a month end
                new LocalDate[] {FIRST, FIRST.plusDays(DAYS - 1)}, // everything
                new LocalDate[] {FIRST.minusDays(40), FIRST.minusDays(1)})); // before any answer
        for (int i = 0; i < 40; i++) {
            LocalDate from = FIRST.plusDays(random.nextInt(DAYS + 20) - 10);
            windows.add(new LocalDate[] {from, from.plusDays(random.nextInt(95))});
        }
        for (LocalDate[] window : windows) {
            Map<String, Map<Metric, BucketRepository.Totals>> read = buckets.totals(touchpoints, window[0].toString(),
                    window[1].toString(), Map.of());
            assertThat(read).as("%s..%s", window[0], window[1]).isEqualTo(expected(window[0], window[1], null));
            assertThat(BucketRepository.sum(buckets.rows(touchpoints, window[0].toString(), window[1].toString(), Map.of())))
                    .isEqualTo(read);
            assertThat(buckets.totals(touchpoints, window[0].toString(), window[1].toString(), Map.of("class", "eco")))
                    .isEqualTo(expected(window[0], window[1], "eco"));
            assertThat(buckets.totalsOfJourney("j", window[0].toString(), window[1].toString(), Map.of())).isEqualTo(read);
        }
    }

    /** The figures counted straight from the answers. */
    static Map<String, Map<Metric, BucketRepository.Totals>> expected(LocalDate from, LocalDate to, String segmentClass) {
        Map<String, Map<Metric, BucketRepository.Totals>> totals = new HashMap<>();
        for (Submission s : submissions) {
            LocalDate day = LocalDate.parse(s.day());
            if (day.isBefore(from) || day.isAfter(to) || segmentClass != null && !segmentClass.equals(s.segments().get("class"))) {
                continue;
            }
            for (Submission.Answer a : s.answers()) {
                Distribution one = Distribution.of(a.metric(), a.score());
                Correlation pair = s.outcomeValue() == null ? Correlation.EMPTY : Correlation.EMPTY.add(a.score(), s.outcomeValue());
                totals.computeIfAbsent(a.touchpointId(), id -> new HashMap<>())
                        .merge(a.metric(), new BucketRepository.Totals(one, pair), BucketRepository.Totals::plus);
            }
        }
        return totals;
    }

    @Test
    void aReadKeptForLaterIsNeverOlderThanTheLastWriteOfAnyReplica() {
        MongoTemplate database = new MongoTemplate(client, "replicas");
        BucketRepository one = new BucketRepository(database);
        BucketRepository other = new BucketRepository(database);
        one.add(List.of(answer("r1", "economy", 5)), (tp, day) -> true);
        Map<String, Map<Metric, BucketRepository.Totals>> first = one.totals(List.of("tp-r"), "2026-01-01", "2026-01-31", Map.of());
        assertThat(first.get("tp-r").get(Metric.CSAT).distribution().n()).isEqualTo(1);
        assertThat(one.totals(List.of("tp-r"), "2026-01-01", "2026-01-31", Map.of())).isSameAs(first);

        other.add(List.of(answer("r2", "business", 1)), (tp, day) -> true);
        assertThat(one.totals(List.of("tp-r"), "2026-01-01", "2026-01-31", Map.of()).get("tp-r").get(Metric.CSAT)
                .distribution().n()).isEqualTo(2);
        assertThat(one.totalsOfJourney("r", "2026-01-01", "2026-01-31", Map.of("class", "business")).get("tp-r")
                .get(Metric.CSAT).distribution().n()).isEqualTo(1);
        assertThat(one.segmentsOf("r")).containsEntry("class", List.of("business", "economy"));

        other.remove("tp-r", java.time.YearMonth.parse("2026-01"));
        assertThat(one.totals(List.of("tp-r"), "2026-01-01", "2026-01-31", Map.of())).isEmpty();
    }

    static Submission answer(String id, String travelClass, int csat) {
        return new Submission("r:" + id, "r", Instant.parse("2026-01-10T10:00:00Z"), "2026-01-10", Map.of("class", travelClass),
                SubmissionRequest.OutcomeType.NPS, 8, List.of(new Submission.Answer("tp-r", Metric.CSAT, csat, null)), Instant.now());
    }
}
