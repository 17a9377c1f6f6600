package io.cairn.journey.template;

import io.cairn.journey.journey.CreateJourneyRequest;
import io.cairn.journey.journey.StageInput;
import io.cairn.platform.web.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The templates shipped in {@code classpath:templates/*.json}, checked when the service starts. */
@Component
public class TemplateCatalog {

    private final Map<String, JourneyTemplate> templates = new LinkedHashMap<>();

    public TemplateCatalog(Validator validator) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*.json");
            List<JourneyTemplate> loaded = new java.util.ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    loaded.add(json.readValue(in, JourneyTemplate.class));
                }
            }
            loaded.sort(Comparator.comparing(JourneyTemplate::name));
            for (JourneyTemplate template : loaded) {
                Set<ConstraintViolation<CreateJourneyRequest>> violations = validator.validate(request(template, null));
                if (!violations.isEmpty()) {
                    throw new IllegalStateException("Template " + template.key() + " is invalid: " + violations);
                }
                templates.put(template.key(), template);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journey templates", e);
        }
    }

    public List<JourneyTemplate.Summary> summaries() {
        return templates.values().stream().map(JourneyTemplate::summary).toList();
    }

    public JourneyTemplate get(String key) {
        JourneyTemplate template = templates.get(key);
        if (template == null) {
            throw ApiException.notFound("Template", key);
        }
        return template;
    }

    /** The journey part of a template, named {@code name} (or the template's name). */
    public static CreateJourneyRequest request(JourneyTemplate template, String name) {
        return new CreateJourneyRequest(name == null || name.isBlank() ? template.name() : name, template.description(),
                template.personas(), template.ownerTeam(), template.tags(),
                template.stages().stream().map(s -> new StageInput(s.name(), s.description(), s.customerGoal(),
                        s.designedEmotion())).toList());
    }
}
