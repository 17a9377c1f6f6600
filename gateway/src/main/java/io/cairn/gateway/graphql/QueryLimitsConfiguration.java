package io.cairn.gateway.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Limits that keep one query from costing the suite too much: nesting depth and field count. */
@Configuration(proxyBeanMethods = false)
class QueryLimitsConfiguration {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${cairn.graphql.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(@Value("${cairn.graphql.max-complexity:2000}") int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity);
    }
}
