package io.cairn.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class CairnDefaultsEnvironmentPostProcessorTest {

    @Test
    void metricsArePushedByOtlpOnlyWhenTurnedOn() {
        // Spring Boot's OTLP registry is on by default and posts to localhost:4318 every minute; @SpringBootTest
        // turns metric export off by itself, so the service tests would not see it
        StandardEnvironment quiet = withDefaults(Map.of());
        assertThat(quiet.getProperty("management.otlp.metrics.export.enabled", Boolean.class)).isFalse();
        assertThat(quiet.getProperty("management.tracing.sampling.probability", Double.class)).isEqualTo(1.0);

        StandardEnvironment exporting = withDefaults(Map.of("management.otlp.metrics.export.enabled", "true"));
        assertThat(exporting.getProperty("management.otlp.metrics.export.enabled", Boolean.class)).isTrue();
    }

    private static StandardEnvironment withDefaults(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        new CairnDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
