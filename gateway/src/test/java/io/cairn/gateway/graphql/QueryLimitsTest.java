package io.cairn.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.parser.Parser;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryLimitsTest {

    static List<String> codes(QueryLimits limits, String query) {
        return limits.check(Parser.parse(query)).stream()
                .map(e -> (String) e.getExtensions().get("code")).toList();
    }

    @Test
    void depthCountsNestedFieldsThroughFragmentsWithTheRootFieldAsOne() {
        String query = "{ a { ...F } } fragment F on T { b { ... on U { c } } }";  // a > b > c
        assertThat(codes(new QueryLimits(3, 100, 10), query)).isEmpty();
        assertThat(codes(new QueryLimits(2, 100, 10), query)).containsExactly(QueryLimits.TOO_DEEP);
        GraphQLError error = new QueryLimits(2, 100, 10).check(Parser.parse(query)).get(0);
        assertThat(error.getMessage()).isEqualTo("The query is nested 3 fields deep; at most 2 are allowed");
    }

    @Test
    void fieldsOfAFragmentCountWhereverItIsSpreadAndSkippedFieldsCountToo() {
        // a, x, y, and F (b, c) twice: 7 fields
        String query = "query($no: Boolean!) { a { ...F } x { ...F } y @skip(if: $no) } fragment F on T { b c }";
        assertThat(codes(new QueryLimits(10, 7, 10), query)).isEmpty();
        assertThat(codes(new QueryLimits(10, 6, 10), query)).containsExactly(QueryLimits.TOO_COMPLEX);
    }

    @Test
    void everyAliasCountsAndTheLargestOperationOfADocumentIsJudged() {
        String aliases = IntStream.range(0, 4).mapToObj(i -> "j" + i + ": journeys { totalCount }")
                .collect(Collectors.joining(" "));
        String query = "query Small { journeys { totalCount } } query Many { " + aliases + " }";
        assertThat(codes(new QueryLimits(10, 100, 4), query)).isEmpty();
        assertThat(codes(new QueryLimits(10, 100, 3), query)).containsExactly(QueryLimits.TOO_MANY_ALIASES);
        assertThat(codes(new QueryLimits(1, 3, 3), query))
                .containsExactly(QueryLimits.TOO_DEEP, QueryLimits.TOO_COMPLEX, QueryLimits.TOO_MANY_ALIASES);
    }

    @Test
    void aFragmentThatWouldExpandToBillionsOfFieldsIsJudgedWithoutExpandingIt() {
        // F0 is two fields; each Fi spreads F(i-1) twice: F40 stands for 2^41 fields
        StringBuilder query = new StringBuilder("{ ...F40 } fragment F0 on Query { a b }");
        for (int i = 1; i <= 40; i++) {
            query.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F")
                    .append(i - 1).append(" }");
        }
        List<GraphQLError> errors = new QueryLimits(12, 2000, 30).check(Parser.parse(query.toString()));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("code", QueryLimits.TOO_COMPLEX);
            assertThat(e.getMessage()).startsWith("The query selects " + (1L << 41) + " fields");
        });
    }
}
