package io.cairn.gateway.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Each distinct query is parsed, validated and judged against the {@link QueryLimits} once, then kept: clients
 * send the same few documents over and over (the web UI's map query on every load), so a query costs its
 * execution only. Kept per language, as validation words its errors in the request's. A query refused
 * (invalid or over a limit) is kept refused.
 */
class ParsedQueries implements PreparsedDocumentProvider {

    /**
     * Characters of query text kept at most: the web UI's documents (a few kB each) many times over, and a
     * bound on the parsed documents kept with them however many distinct queries arrive.
     */
    private static final long MAX_KEPT_CHARACTERS = 500_000;

    private final QueryLimits limits;
    private final Cache<String, PreparsedDocumentEntry> parsed = Caffeine.newBuilder()
            .maximumWeight(MAX_KEPT_CHARACTERS)
            .<String, PreparsedDocumentEntry>weigher((query, entry) -> query.length())
            .build();

    ParsedQueries(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String key = input.getLocale() + "\n" + input.getQuery();
        return CompletableFuture.completedFuture(parsed.get(key, ignored -> judged(parseAndValidate.apply(input))));
    }

    private PreparsedDocumentEntry judged(PreparsedDocumentEntry entry) {
        if (entry.hasErrors()) {
            return entry;
        }
        List<GraphQLError> exceeded = limits.check(entry.getDocument());
        return exceeded.isEmpty() ? entry : new PreparsedDocumentEntry(exceeded);
    }
}
