package io.cairn.metrics.kase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases: everyone signed in reads them; analysts and designers acknowledge and resolve them. */
@RestController
@Validated
public class CaseController {

    private final CaseService cases;

    public CaseController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/cases")
    @PreAuthorize("hasRole('VIEWER')")
    List<Case> list(@RequestParam(required = false) Case.Status status, @RequestParam(required = false) String team,
            @RequestParam(required = false) String journeyId, @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return cases.find(status, team, journeyId, offset, limit);
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    Case get(@PathVariable String id) {
        return cases.get(id);
    }

    @PostMapping("/cases/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('ANALYST', 'DESIGNER')")
    Case acknowledge(@PathVariable String id, @Valid @RequestBody Change change, Authentication user) {
        return cases.acknowledge(id, change.expectedVersion(), change.note(), user.getName());
    }

    @PostMapping("/cases/{id}/resolve")
    @PreAuthorize("hasAnyRole('ANALYST', 'DESIGNER')")
    Case resolve(@PathVariable String id, @Valid @RequestBody Change change, Authentication user) {
        return cases.resolve(id, change.expectedVersion(), change.note(), user.getName());
    }

    public record Change(@NotNull Long expectedVersion, @Size(max = 4000) String note) {
    }
}
