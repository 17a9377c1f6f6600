package io.cairn.employeenps.results;

import io.cairn.employeenps.config.EnpsProperties;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Results for HR admins (everything) and leaders (their department subtree); nobody else reads eNPS. */
@RestController
@org.springframework.validation.annotation.Validated
@PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
public class ResultsController {

    private final ResultsService results;
    private final EnpsProperties properties;

    public ResultsController(ResultsService results, EnpsProperties properties) {
        this.results = results;
        this.properties = properties;
    }

    @GetMapping("/campaigns/{id}/results")
    CampaignResults results(@PathVariable String id, Authentication user) {
        return results.results(id, viewer(user));
    }

    /**
     * The results table as CSV: exactly the figures the screen shows (no comments), a hidden group's reason in
     * the reader's language.
     */
    @GetMapping(path = "/campaigns/{id}/results.csv")
    ResponseEntity<String> export(@PathVariable String id, Authentication user) {
        CampaignResults r = results.results(id, viewer(user));
        List<GroupResult> rows = new ArrayList<>();
        if (r.overall() != null) {
            rows.add(r.overall());
        }
        rows.addAll(r.departments());
        StringWriter csv = new StringWriter();
        List<String> header = new ArrayList<>(List.of("department", "name", "parent", "invited", "answered",
                "response_rate", "shown", "enps", "margin_of_error", "promoters", "passives", "detractors"));
        for (int score = 0; score <= 10; score++) {
            header.add("score_" + score);
        }
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (GroupResult g : rows) {
                List<Object> row = new ArrayList<>(List.of(g.department() == null ? "(all)" : g.department(), g.name(),
                        g.parent() == null ? "" : g.parent(), g.invited(), g.answered(),
                        g.responseRate() == null ? "" : g.responseRate(), g.hidden()
                                ? HiddenWording.figures(g.hiddenRule(), r.minGroupSize(), LocaleContextHolder.getLocale())
                                : "yes"));
                Figures f = g.figures();
                if (f == null) {
                    for (int i = 0; i < 5 + 11; i++) {
                        row.add("");
                    }
                } else {
                    row.addAll(List.of(f.enps(), f.marginOfError(), f.promoters(), f.passives(), f.detractors()));
                    for (long count : f.distribution()) {
                        row.add(count);
                    }
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"enps-results-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    @GetMapping("/campaigns/{id}/participation")
    List<ResultsService.Participation> participation(@PathVariable String id, Authentication user) {
        return results.participation(id, viewer(user));
    }

    /** The participation of several campaigns in one call (a list of campaigns shows each), by campaign id. */
    @GetMapping("/participation")
    Map<String, List<ResultsService.Participation>> participation(
            @RequestParam @jakarta.validation.constraints.NotEmpty @jakarta.validation.constraints.Size(max = 200) List<String> campaignId,
            Authentication user) {
        Map<String, List<ResultsService.Participation>> byCampaign = new java.util.LinkedHashMap<>();
        campaignId.forEach(id -> byCampaign.put(id, results.participation(id, viewer(user))));
        return byCampaign;
    }

    @GetMapping("/results/trend")
    List<ResultsService.TrendPoint> trend(@RequestParam(required = false) String department, Authentication user) {
        return results.trend(department == null || department.isBlank() ? null : department.trim(), viewer(user));
    }

    /** eNPS per department for a window, for the gateway's dual NPS (joined with customer NPS by owning team). */
    @GetMapping("/results/departments")
    List<ResultsService.DepartmentNps> byDepartment(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            Authentication user) {
        return results.byDepartment(from, to, viewer(user));
    }

    private Viewer viewer(Authentication user) {
        return Viewer.of(user, properties.departmentClaim());
    }
}
