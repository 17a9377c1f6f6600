package io.cairn.metrics.ingest;

import static io.cairn.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.metrics.touchpoint.FakeTouchpointService;
import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** CSV imports over real HTTP (multipart), including the public airline survey export. */
@CairnServiceTest
class CsvImportTest {

    static final FakeTouchpointService touchpoints = new FakeTouchpointService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.touchpoint.url", touchpoints::url);
    }

    @AfterAll
    static void stop() {
        touchpoints.close();
    }

    /** The real export lives outside the repository; the test skips where it is absent. */
    static final Path AIRLINE = Path.of(System.getProperty("cairn.shared-data", "../../shared/data"),
            "airline_passenger_satisfaction_sample.csv");
    static final List<String> RATINGS = List.of("Departure and Arrival Time Convenience", "Ease of Online Booking",
            "Check-in Service", "Online Boarding", "Gate Location", "On-board Service", "Seat Comfort", "Leg Room Service",
            "Cleanliness", "Food and Drink", "In-flight Service", "In-flight Wifi Service", "In-flight Entertainment",
            "Baggage Handling");

    @Value("${local.server.port}")
    int port;

    ServiceHttp http;
    String journey;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        journey = "airline-" + UUID.randomUUID();
        RATINGS.forEach(column -> touchpoints.add(journey, touchpoint(column)));
        touchpoints.add(journey, "seat-" + journey, "wifi-" + journey, "nps-" + journey);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "-" : node.asString();
    }

    static String touchpoint(String column) {
        return "tp-" + column.toLowerCase().replaceAll("[^a-z]+", "-");
    }

    Map<String, Object> airlineMapping() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String column : RATINGS) {
            items.add(Map.of("column", column, "touchpointId", touchpoint(column), "metric", "CSAT",
                    "zeroMeansNotApplicable", true));
        }
        return Map.of("journeyId", journey, "idColumn", "ID", "timestamp", "2026-11-15T12:00:00Z",
                "segmentColumns", Map.of("Customer Type", "customer type", "Type of Travel", "travel", "Class", "class"),
                "outcome", Map.of("column", "Satisfaction", "type", "SATISFIED",
                        "values", Map.of("Satisfied", 1, "Neutral or Dissatisfied", 0)),
                "items", items);
    }

    JsonNode upload(byte[] csv, Map<String, Object> mapping, boolean dryRun) throws Exception {
        ServiceHttp.Response started = http.postMultipart("/imports?dryRun=" + dryRun, bearer("analyst"), List.of(
                ServiceHttp.Part.json("mapping", mapping), ServiceHttp.Part.file("file", "export.csv", "text/csv", csv)));
        if (started.status() != 202) {
            return started.json();
        }
        return awaitImport(http, started.json().at("/id").asString(), bearer("analyst"), "/imports/");
    }

    /** Polls an import job until it is no longer running (or a minute has passed). */
    public static JsonNode awaitImport(ServiceHttp http, String id, String authorization, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode job = http.get(path + id, authorization).json();
            if (!job.at("/status").asString().equals("RUNNING") || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theAirlineExportImportsAndItsScoresMatchAnIndependentCount() throws Exception {
        assumeTrue(Files.exists(AIRLINE), "The airline sample is not at " + AIRLINE.toAbsolutePath()
                + " (../shared/data); skipping the import of real data");
        byte[] csv = Files.readAllBytes(AIRLINE);

        JsonNode dryRun = upload(csv, airlineMapping(), true);
        assertThat(dryRun.at("/status").asString()).isEqualTo("DONE");
        assertThat(dryRun.at("/accepted").asLong()).isEqualTo(6602);
        assertThat(http.get("/scores?touchpointId=" + touchpoint("Seat Comfort") + "&from=2026-11-15&to=2026-11-15",
                bearer("viewer")).json().size()).isZero();

        JsonNode job = upload(csv, airlineMapping(), false);
        assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.at("/totalRows").asLong()).isEqualTo(6602);
        assertThat(job.at("/processedRows").asLong()).isEqualTo(6602);
        assertThat(job.at("/accepted").asLong()).isEqualTo(6602);
        assertThat(job.at("/rejected").asLong()).isZero();
        assertThat(job.at("/percent").asInt()).isEqualTo(100);

        Map<String, long[]> expected = independentCount(AIRLINE);
        StringBuilder ids = new StringBuilder();
        RATINGS.forEach(column -> ids.append("&touchpointId=").append(touchpoint(column)));
        JsonNode scores = http.get("/scores?from=2026-11-15&to=2026-11-15" + ids, bearer("viewer")).json();
        assertThat(scores.size()).isEqualTo(14);
        for (JsonNode score : scores) {
            String column = RATINGS.stream().filter(c -> touchpoint(c).equals(score.at("/touchpointId").asString()))
                    .findFirst().orElseThrow();
            long[] counts = expected.get(column);
            long n = counts[1] + counts[2] + counts[3] + counts[4] + counts[5];
            assertThat(score.at("/n").asLong()).as(column).isEqualTo(n);
            assertThat(score.at("/score/value").asDouble()).as(column).isCloseTo(100.0 * (counts[4] + counts[5]) / n, within(1e-9));
            assertThat(score.at("/score/margin").asDouble()).as(column).isBetween(0.5, 3.0);
        }

        // dirty categories are one segment each: Business / BUSINESS / " Business" / business
        JsonNode byClass = http.get("/scores/breakdown?touchpointId=" + touchpoint("Seat Comfort")
                + "&by=class&from=2026-11-15&to=2026-11-15", bearer("viewer")).json();
        assertThat(byClass.propertyNames()).containsExactlyInAnyOrder("business", "economy", "economy plus");
        JsonNode byCustomer = http.get("/scores/breakdown?touchpointId=" + touchpoint("Seat Comfort")
                + "&by=customer%20type&from=2026-11-15&to=2026-11-15", bearer("viewer")).json();
        assertThat(byCustomer.propertyNames()).containsExactlyInAnyOrder("first time", "returning");
        // the choices of a segment filter: every attribute with its normalised values
        JsonNode segments = http.get("/journeys/" + journey + "/segments", bearer("viewer")).json();
        assertThat(segments.propertyNames()).containsExactly("class", "customer type", "travel");
        assertThat(segments.at("/class").toString()).isEqualTo("[\"business\",\"economy\",\"economy plus\"]");

        // key drivers: Pearson r of each rating with being satisfied, where the export spells "Satisfied" five ways
        JsonNode drivers = http.get("/journeys/" + journey + "/key-drivers?from=2026-11-15&to=2026-11-15", bearer("viewer")).json();
        assertThat(drivers.size()).isEqualTo(14);
        for (JsonNode driver : drivers) {
            String column = RATINGS.stream().filter(c -> touchpoint(c).equals(driver.at("/touchpointId").asString()))
                    .findFirst().orElseThrow();
            double[] independent = independentPearson(AIRLINE, column);
            assertThat(driver.at("/pairs").asLong()).as(column).isEqualTo((long) independent[1]);
            assertThat(driver.at("/importance").asDouble()).as(column).isCloseTo(independent[0], within(1e-9));
        }

        JsonNode again = upload(csv, airlineMapping(), false);
        assertThat(again.at("/accepted").asLong()).isZero();
        assertThat(again.at("/duplicates").asLong()).isEqualTo(6602);
    }

    @Test
    void badRowsAreReportedWithRowColumnAndReasonAndTheRestIsImported() throws Exception {
        String csv = """
                ID,Class,Seat Comfort,Wifi,Satisfaction
                1,Business,5,4,Satisfied
                2,Eco,7,4,Satisfied
                3,Eco,4,x,Satisfied
                4,Eco,0,0,Satisfied
                5,Eco,3,2,Maybe
                ,Eco,3,2,Satisfied
                6,"Economy, Plus",2,1,neutral or dissatisfied
                """;
        Map<String, Object> mapping = Map.of("journeyId", journey, "idColumn", "ID",
                "segmentColumns", Map.of("Class", "class"),
                "outcome", Map.of("column", "Satisfaction", "type", "SATISFIED",
                        "values", Map.of("Satisfied", 1, "Neutral or Dissatisfied", 0)),
                "items", List.of(
                        Map.of("column", "Seat Comfort", "touchpointId", "seat-" + journey, "metric", "CSAT", "zeroMeansNotApplicable", true),
                        Map.of("column", "Wifi", "touchpointId", "wifi-" + journey, "metric", "CSAT", "zeroMeansNotApplicable", true)));

        JsonNode job = upload(csv.getBytes(StandardCharsets.UTF_8), mapping, false);

        assertThat(job.at("/accepted").asLong()).isEqualTo(2);
        assertThat(job.at("/rejected").asLong()).isEqualTo(5);
        Map<Long, String> errors = new LinkedHashMap<>();
        job.at("/errors").forEach(e -> errors.put(e.at("/row").asLong(), e.at("/column").asString() + ": " + e.at("/reason").asString()));
        assertThat(errors.get(2L)).startsWith("Seat Comfort: 7 is outside the CSAT scale 1-5");
        assertThat(errors.get(3L)).startsWith("Wifi: 'x' is not a whole number");
        assertThat(errors.get(4L)).contains("no answers");
        assertThat(errors.get(5L)).startsWith("Satisfaction: 'Maybe' is not one of");
        assertThat(errors.get(6L)).startsWith("ID: the id is empty");
        // and as a code with the cell and what was expected, for a client to word in its user's language
        Map<Long, String> coded = new LinkedHashMap<>();
        job.at("/errors").forEach(e -> coded.put(e.at("/row").asLong(),
                text(e.get("code")) + " " + text(e.get("value")) + " " + text(e.get("expected"))));
        assertThat(coded).containsExactlyInAnyOrderEntriesOf(Map.of(2L, "OUTSIDE_SCALE 7 CSAT 1-5", 3L, "NOT_A_WHOLE_NUMBER x -",
                4L, "NO_ANSWERS - -", 5L, "NOT_A_CATEGORY Maybe neutral or dissatisfied, satisfied", 6L, "ID_EMPTY  -"));

        JsonNode missingColumn = upload(csv.getBytes(StandardCharsets.UTF_8), Map.of("journeyId", journey, "idColumn", "Id",
                "items", List.of(Map.of("column", "Legroom", "touchpointId", "x", "metric", "CSAT"))), false);
        assertThat(missingColumn.at("/status").asInt()).isEqualTo(400);
        assertThat(missingColumn.at("/detail").asString()).contains("'Id'", "'Legroom'");

        // a mapping onto touchpoints the journey does not have is refused before a row is read, dry run or not
        for (boolean dryRun : List.of(true, false)) {
            JsonNode unknown = upload(csv.getBytes(StandardCharsets.UTF_8), Map.of("journeyId", journey, "idColumn", "ID",
                    "items", List.of(Map.of("column", "Wifi", "touchpointId", "wifi-" + journey, "metric", "CSAT"),
                            Map.of("column", "Seat Comfort", "touchpointId", "seat-elsewhere", "metric", "CSAT"))), dryRun);
            assertThat(unknown.at("/status").asInt()).isEqualTo(400);
            assertThat(unknown.at("/detail").asString()).isEqualTo("Journey " + journey
                    + " has no touchpoint seat-elsewhere: the mapping's items must name touchpoints of the journey");
        }
    }

    @Test
    void outcomeValuesThatAreOneCategoryButGivenTwoAnswersAreRefusedBeforeAnythingIsRead() throws Exception {
        String csv = """
                ID,Wifi,Satisfaction
                1,4,Satisfied
                2,2,SATISFIED
                """;
        Map<String, Object> mapping = Map.of("journeyId", journey, "idColumn", "ID",
                "outcome", Map.of("column", "Satisfaction", "type", "SATISFIED",
                        "values", new java.util.TreeMap<>(Map.of("Satisfied", 1, "SATISFIED", 0))),
                "items", List.of(Map.of("column", "Wifi", "touchpointId", "wifi-" + journey, "metric", "CSAT")));

        JsonNode refused = upload(csv.getBytes(StandardCharsets.UTF_8), mapping, false);

        assertThat(refused.at("/status").asInt()).isEqualTo(400);
        assertThat(refused.at("/detail").asString()).contains("'SATISFIED' and 'Satisfied' are one value", "given 0 and 1");
        assertThat(http.get("/scores?touchpointId=wifi-" + journey + "&days=3650", bearer("viewer")).json().size()).isZero();

        JsonNode noValues = upload(csv.getBytes(StandardCharsets.UTF_8), Map.of("journeyId", journey, "idColumn", "ID",
                "outcome", Map.of("column", "Satisfaction", "type", "SATISFIED"), "items", mapping.get("items")), false);
        assertThat(noValues.at("/status").asInt()).isEqualTo(400);
        assertThat(noValues.at("/detail").asString()).contains("give each of its values 1 (satisfied) or 0 (not)");
    }

    @Test
    void malformedCsvStopsWhereItBecomesUnreadableAndKeepsTheRowsBefore() throws Exception {
        Map<String, Object> mapping = Map.of("journeyId", journey, "idColumn", "ID",
                "items", List.of(Map.of("column", "Wifi", "touchpointId", "wifi-" + journey, "metric", "CSAT")));
        // a short row has no answer; a long one is read for its named columns; a quoted line break is one row
        JsonNode ragged = upload("ID,Wifi,Note\nr1\nr2,4,fine,extra\nr3,5,\"two\nlines\"\n".getBytes(StandardCharsets.UTF_8), mapping, false);
        assertThat(ragged.at("/status").asString()).isEqualTo("DONE");
        assertThat(ragged.at("/totalRows").asLong()).isEqualTo(3);
        assertThat(ragged.at("/percent").asInt()).isEqualTo(100);
        assertThat(ragged.at("/accepted").asLong()).isEqualTo(2);
        assertThat(ragged.at("/errors/0/row").asLong()).isEqualTo(1);
        assertThat(ragged.at("/errors/0/code").asString()).isEqualTo("NO_ANSWERS");

        // a quote left open: the rows before it are stored, the job says where reading stopped
        JsonNode open = upload("ID,Wifi\nq1,4\nq2,\"5\nq3,2\n".getBytes(StandardCharsets.UTF_8), mapping, false);
        assertThat(open.at("/status").asString()).isEqualTo("FAILED");
        assertThat(open.at("/failure").asString()).contains("row 1");
        assertThat(open.at("/accepted").asLong()).isEqualTo(1);

        // a quote left open before megabytes of text: refused at the row limit, never held whole in memory
        StringBuilder runaway = new StringBuilder("ID,Wifi\nm1,4\nm2,\"");
        runaway.append("x".repeat(CsvImporter.MAX_ROW_CHARS + 10_000)).append("\nm3,5\n");
        JsonNode tooLong = upload(runaway.toString().getBytes(StandardCharsets.UTF_8), mapping, false);
        assertThat(tooLong.at("/status").asString()).isEqualTo("FAILED");
        assertThat(tooLong.at("/failure").asString()).contains("runs on past");
        assertThat(http.get("/scores?touchpointId=wifi-" + journey + "&days=30", bearer("viewer")).json().at("/0/n").asLong())
                .isEqualTo(2 + 1 + 1);
    }

    @Test
    void aFileSavedWithAByteOrderMarkReadsItsFirstColumnByName() throws Exception {
        // what a spreadsheet writes as "CSV UTF-8"
        byte[] csv = "\uFEFFID,Wifi\nb1,4\nb2,5\n".getBytes(StandardCharsets.UTF_8);
        JsonNode job = upload(csv, Map.of("journeyId", journey, "idColumn", "ID",
                "items", List.of(Map.of("column", "Wifi", "touchpointId", "wifi-" + journey, "metric", "CSAT"))), false);
        assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.at("/accepted").asLong()).isEqualTo(2);
    }

    @Test
    void aZeroCannotMeanNotApplicableOnTheNpsScaleWhereItIsAnAnswer() throws Exception {
        String csv = "ID,Recommend\n1,0\n2,9\n";
        JsonNode refused = upload(csv.getBytes(StandardCharsets.UTF_8), Map.of("journeyId", journey, "idColumn", "ID",
                "items", List.of(Map.of("column", "Recommend", "touchpointId", "nps-" + journey, "metric", "NPS",
                        "zeroMeansNotApplicable", true))), false);
        assertThat(refused.at("/status").asInt()).isEqualTo(400);
        assertThat(refused.at("/detail").asString()).contains("Recommend", "NPS", "a 0 there is an answer");
        assertThat(http.get("/scores?touchpointId=nps-" + journey + "&days=3650", bearer("viewer")).json().size()).isZero();

        // without it, the 0 is the detractor it is
        JsonNode job = upload(csv.getBytes(StandardCharsets.UTF_8), Map.of("journeyId", journey, "idColumn", "ID",
                "items", List.of(Map.of("column", "Recommend", "touchpointId", "nps-" + journey, "metric", "NPS"))), false);
        assertThat(job.at("/accepted").asLong()).isEqualTo(2);
        JsonNode nps = http.get("/scores?touchpointId=nps-" + journey + "&days=3650", bearer("viewer")).json().at("/0");
        assertThat(nps.at("/n").asLong()).isEqualTo(2);
        assertThat(nps.at("/score/value").asDouble()).isEqualTo(0.0);
    }

    @Test
    void anOutcomeValueNotListedTakesTheOtherwiseAnswerWhenOneIsGiven() throws Exception {
        // the screen lists the values of the rows it read; "Unhappy" first appears later in the file
        String csv = "ID,Wifi,Satisfaction\n1,5,Satisfied\n2,4,SATISFIED\n3,2,neutral\n4,1,Unhappy\n";
        Map<String, Object> outcome = Map.of("column", "Satisfaction", "type", "SATISFIED",
                "values", Map.of("Satisfied", 1, "Neutral", 0), "otherwise", 0);
        Map<String, Object> mapping = Map.of("journeyId", journey, "idColumn", "ID", "outcome", outcome,
                "items", List.of(Map.of("column", "Wifi", "touchpointId", "wifi-" + journey, "metric", "CSAT")));

        JsonNode job = upload(csv.getBytes(StandardCharsets.UTF_8), mapping, false);

        assertThat(job.at("/accepted").asLong()).isEqualTo(4);
        assertThat(job.at("/rejected").asLong()).isZero();
        // every row's outcome counts: four pairs of rating and outcome, not three
        JsonNode drivers = http.get("/journeys/" + journey + "/key-drivers?days=30", bearer("viewer")).json();
        assertThat(drivers.findValuesAsString("touchpointId")).containsExactly("wifi-" + journey);
        assertThat(drivers.at("/0/pairs").asLong()).isEqualTo(4);

        JsonNode refused = upload(csv.getBytes(StandardCharsets.UTF_8), Map.of("journeyId", journey, "idColumn", "ID",
                "outcome", Map.of("column", "Satisfaction", "type", "SATISFIED", "values", Map.of("Satisfied", 1), "otherwise", 2),
                "items", mapping.get("items")), false);
        assertThat(refused.at("/status").asInt()).isEqualTo(400);
        assertThat(refused.at("/detail").asString()).contains("otherwise must be 1 (satisfied) or 0 (not)");
    }

    /**
     * Pearson r of one rating column with being satisfied, and the number of pairs, over the rows that rate it
     * (0 = not applicable), in plain Java; the outcome cell compared trimmed and case-insensitively.
     */
    static double[] independentPearson(Path file, String column) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int x = Integer.parseInt(cells[header.indexOf(column)].trim());
            if (x == 0) {
                continue;
            }
            int y = cells[header.indexOf("Satisfaction")].trim().equalsIgnoreCase("satisfied") ? 1 : 0;
            n++;
            sx += x;
            sy += y;
            sxx += (double) x * x;
            syy += (double) y * y;
            sxy += (double) x * y;
        }
        double r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
        return new double[] {r, n};
    }

    /** Counts per rating column and score, with plain Java string handling (no CSV library, no Cairn code). */
    static Map<String, long[]> independentCount(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String column : RATINGS) {
            counts.put(column, new long[6]);
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            for (String column : RATINGS) {
                counts.get(column)[Integer.parseInt(cells[header.indexOf(column)].trim())]++;
            }
        }
        return counts;
    }
}
