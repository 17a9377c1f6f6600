package io.cairn.journey.template;

import io.cairn.journey.journey.Journey;
import io.cairn.journey.journey.JourneyService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Journey templates: list them, look at one, start a new journey (with its touchpoints) from one. */
@RestController
@RequestMapping("/templates")
@Validated
public class TemplateController {

    private final TemplateCatalog templates;
    private final JourneyService journeys;

    public TemplateController(TemplateCatalog templates, JourneyService journeys) {
        this.templates = templates;
        this.journeys = journeys;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    List<JourneyTemplate.Summary> list() {
        return templates.summaries();
    }

    @GetMapping("/{key}")
    @PreAuthorize("hasRole('VIEWER')")
    JourneyTemplate get(@PathVariable String key) {
        return templates.get(key);
    }

    @PostMapping("/{key}/journeys")
    @PreAuthorize("hasRole('DESIGNER')")
    ResponseEntity<Journey> instantiate(@PathVariable String key,
            @Valid @RequestBody(required = false) NewJourney request, Authentication user) {
        JourneyTemplate template = templates.get(key);
        Journey journey = journeys.createWithTouchpoints(
                TemplateCatalog.request(template, request == null ? null : request.name()),
                template.stages().stream().map(JourneyTemplate.TemplateStage::touchpoints).toList(), user.getName());
        return ResponseEntity.created(URI.create("/journeys/" + journey.id())).body(journey);
    }

    public record NewJourney(@Size(max = 200) String name) {
    }
}
