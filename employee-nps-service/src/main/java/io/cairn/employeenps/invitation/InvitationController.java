package io.cairn.employeenps.invitation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issuing links (HR admins). The answer holds the links, as JSON or, with {@code format=csv}, as a CSV to
 * hand to whoever sends them out; it is the only copy.
 */
@RestController
public class InvitationController {

    private final InvitationService invitations;

    public InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @PostMapping(path = "/campaigns/{id}/invitations/roster", consumes = {"text/csv", "text/plain"})
    @PreAuthorize("hasRole('HR_ADMIN')")
    ResponseEntity<?> roster(@PathVariable String id, @RequestParam(defaultValue = "json") String format,
            jakarta.servlet.http.HttpServletRequest request) throws IOException {
        IssuedLinks issued = invitations.forRoster(id,
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
        return answer(issued, format);
    }

    @PostMapping("/campaigns/{id}/invitations/counts")
    @PreAuthorize("hasRole('HR_ADMIN')")
    ResponseEntity<?> counts(@PathVariable String id, @RequestParam(defaultValue = "json") String format,
            @RequestBody Counts counts) {
        return answer(invitations.forCounts(id, counts.counts()), format);
    }

    /** Links wanted per department code. */
    public record Counts(Map<String, Integer> counts) {
    }

    private static ResponseEntity<?> answer(IssuedLinks issued, String format) {
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.status(HttpStatus.CREATED).body(issued);
        }
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder()
                .setHeader("department", "email", "link").get())) {
            for (IssuedLinks.Link link : issued.links()) {
                printer.printRecord(link.department(), link.email() == null ? "" : link.email(), link.url());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"survey-links-" + issued.campaignId() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }
}
