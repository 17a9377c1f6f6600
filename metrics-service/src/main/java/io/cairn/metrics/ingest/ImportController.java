package io.cairn.metrics.ingest;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV import of survey exports: {@code POST /imports} (multipart: {@code file} and {@code mapping} JSON,
 * {@code ?dryRun=true} to only report) answers 202 with the job; {@code GET /imports/{id}} its progress.
 */
@RestController
public class ImportController {

    private final CsvImporter importer;
    private final Validator validator;
    private final JsonMapper json = JsonMapper.builder().build();

    public ImportController(CsvImporter importer, Validator validator) {
        this.importer = importer;
        this.validator = validator;
    }

    @PostMapping(path = "/imports", consumes = "multipart/form-data")
    @PreAuthorize("hasAnyRole('ANALYST', 'DESIGNER')")
    ResponseEntity<ImportJob> start(@RequestPart("file") MultipartFile file, @RequestPart("mapping") String mappingJson,
            @RequestParam(defaultValue = "false") boolean dryRun, Authentication user) throws IOException {
        ImportMapping mapping;
        try {
            mapping = json.readValue(mappingJson, ImportMapping.class);
        } catch (JacksonException e) {
            throw ApiException.badRequest(Refusal.of("import.mappingUnreadable",
                    "mapping is not valid JSON of the expected shape: {0}", e.getOriginalMessage()));
        }
        Set<ConstraintViolation<ImportMapping>> violations = validator.validate(mapping);
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(Refusal.of("import.mappingInvalid",
                    "Invalid mapping: {0}", violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", "))));
        }
        if (file.isEmpty()) {
            throw ApiException.badRequest(Refusal.of("import.emptyFile", "The file is empty"));
        }
        Path copy = Files.createTempFile("cairn-import-", ".csv");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        ImportJob job = importer.start(copy, mapping, dryRun, user.getName());
        return ResponseEntity.accepted().location(URI.create("/imports/" + job.id())).body(job);
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize("hasAnyRole('ANALYST', 'DESIGNER')")
    ImportJob get(@PathVariable String id) {
        return importer.get(id);
    }
}
