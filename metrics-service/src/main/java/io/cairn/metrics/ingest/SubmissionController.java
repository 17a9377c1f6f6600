package io.cairn.metrics.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Listen: survey answers in, one at a time or as a stream of NDJSON lines. Analysts (and integrations with their role). */
@RestController
public class SubmissionController {

    private final IngestionService ingestion;

    public SubmissionController(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    /** 201 when new; 200 with {@code duplicate: true} when this id was received before (it is not counted again). */
    @PostMapping("/submissions")
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody SubmissionRequest request) {
        boolean fresh = ingestion.ingest(request);
        return ResponseEntity.status(fresh ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("id", request.id(), "duplicate", !fresh));
    }

    /** Newline-delimited JSON, streamed: each line a submission; answers what was counted and why lines were refused. */
    @PostMapping(path = "/submissions/bulk", consumes = {"application/x-ndjson", "application/jsonl", "text/plain"})
    @PreAuthorize("hasRole('ANALYST')")
    IngestResult bulk(HttpServletRequest request) throws IOException {
        return ingestion.ingestLines(request.getInputStream());
    }
}
