package io.cairn.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParsedQueriesTest {

    final AtomicInteger parsed = new AtomicInteger();
    final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };
    final ParsedQueries queries = new ParsedQueries(new QueryLimits(12, 2000, 1));

    PreparsedDocumentEntry ask(String query, Locale locale) {
        return queries.getDocumentAsync(ExecutionInput.newExecutionInput(query).locale(locale).build(), parseAndValidate)
                .join();
    }

    @Test
    void aQueryIsParsedOncePerLanguageAndItsVerdictKept() {
        PreparsedDocumentEntry first = ask("{ journeys { totalCount } }", Locale.ENGLISH);
        PreparsedDocumentEntry second = ask("{ journeys { totalCount } }", Locale.ENGLISH);
        assertThat(second).isSameAs(first);
        assertThat(first.hasErrors()).isFalse();
        assertThat(parsed).hasValue(1);

        ask("{ journeys { totalCount } }", Locale.SIMPLIFIED_CHINESE);
        assertThat(parsed).hasValue(2);

        String overLimit = "{ a: journeys { totalCount } b: journeys { totalCount } }";
        assertThat(ask(overLimit, Locale.ENGLISH).getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", QueryLimits.TOO_MANY_ALIASES));
        assertThat(ask(overLimit, Locale.ENGLISH).hasErrors()).isTrue();
        assertThat(parsed).hasValue(3);
    }
}
