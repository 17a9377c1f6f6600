package io.cairn.gateway.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Limits that keep one query from costing the suite too much, judged once per distinct query. */
@Configuration(proxyBeanMethods = false)
class QueryLimitsConfiguration {

    @Bean
    QueryLimits queryLimits(@Value("${cairn.graphql.max-depth:12}") int maxDepth,
            @Value("${cairn.graphql.max-complexity:2000}") int maxFields,
            @Value("${cairn.graphql.max-aliases:30}") int maxAliases) {
        return new QueryLimits(maxDepth, maxFields, maxAliases);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedQueries(QueryLimits limits) {
        ParsedQueries parsed = new ParsedQueries(limits);
        return source -> source.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(parsed));
    }
}
