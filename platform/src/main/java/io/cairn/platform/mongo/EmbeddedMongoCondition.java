package io.cairn.platform.mongo;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded server is the default: it is used whenever no MongoDB URI (or host) is configured,
 * unless {@code cairn.mongodb.embedded.enabled=false}.
 */
class EmbeddedMongoCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        if (!env.getProperty("cairn.mongodb.embedded.enabled", Boolean.class, true)) {
            return ConditionOutcome.noMatch("cairn.mongodb.embedded.enabled is false");
        }
        if (StringUtils.hasText(env.getProperty("spring.mongodb.uri"))) {
            return ConditionOutcome.noMatch("spring.mongodb.uri is configured");
        }
        if (StringUtils.hasText(env.getProperty("spring.mongodb.host"))) {
            return ConditionOutcome.noMatch("spring.mongodb.host is configured");
        }
        return ConditionOutcome.match("no MongoDB URI configured: using the embedded server");
    }
}
