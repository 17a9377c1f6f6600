package io.cairn.gateway.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much one GraphQL document may ask for, judged from the document alone (so a verdict can be kept with
 * it): the nesting depth of its fields (a root field is 1 deep), the number of fields it selects with
 * fragments counted where they are spread (the complexity), and its aliases (each alias of a field is one
 * more call of that field, the way one request asks a service hundreds of times). A field left out by
 * {@code @skip}/{@code @include} still counts: the verdict holds for any variables.
 *
 * @param maxDepth   deepest nesting allowed
 * @param maxFields  most fields allowed
 * @param maxAliases most aliases allowed
 */
public record QueryLimits(int maxDepth, int maxFields, int maxAliases) {

    public static final String TOO_DEEP = "QUERY_TOO_DEEP";
    public static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    public static final String TOO_MANY_ALIASES = "TOO_MANY_ALIASES";

    /** The limits the document exceeds, one error each; none when it is within them. */
    public List<GraphQLError> check(Document document) {
        Measure measure = new Measure(document);
        Size size = Size.NONE;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            size = size.largest(measure.of(operation.getSelectionSet()));
        }
        List<GraphQLError> errors = new ArrayList<>();
        if (size.depth > maxDepth) {
            errors.add(error(TOO_DEEP, "The query is nested " + size.depth + " fields deep; at most " + maxDepth
                    + " are allowed"));
        }
        if (size.fields > maxFields) {
            errors.add(error(TOO_COMPLEX, "The query selects " + size.fields + " fields; at most " + maxFields
                    + " are allowed in one request"));
        }
        if (size.aliases > maxAliases) {
            errors.add(error(TOO_MANY_ALIASES, "The query uses " + size.aliases + " aliases; at most " + maxAliases
                    + " are allowed in one request"));
        }
        return errors;
    }

    private static GraphQLError error(String code, String message) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.ValidationError).message(message)
                .extensions(Map.of("code", code)).build();
    }

    /** Depth, fields and aliases of a selection; counts saturate rather than overflow. */
    private record Size(int depth, long fields, long aliases) {

        static final Size NONE = new Size(0, 0, 0);

        Size plus(Size other) {
            return new Size(Math.max(depth, other.depth), add(fields, other.fields), add(aliases, other.aliases));
        }

        Size largest(Size other) {
            return new Size(Math.max(depth, other.depth), Math.max(fields, other.fields),
                    Math.max(aliases, other.aliases));
        }

        static long add(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    /**
     * Sizes of selections, each fragment measured once: a fragment spread many times (or spreading others many
     * times) costs no more to judge than to read, however much it would expand to.
     */
    private static final class Measure {

        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, Size> measured = new HashMap<>();
        private final Set<String> measuring = new HashSet<>();

        Measure(Document document) {
            document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        }

        Size of(SelectionSet selections) {
            Size size = Size.NONE;
            if (selections == null) {
                return size;
            }
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    Size below = of(field.getSelectionSet());
                    size = size.plus(new Size(below.depth + 1, Size.add(below.fields, 1),
                            Size.add(below.aliases, field.getAlias() == null ? 0 : 1)));
                } else if (selection instanceof InlineFragment inline) {
                    size = size.plus(of(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    size = size.plus(fragment(spread.getName()));
                }
            }
            return size;
        }

        private Size fragment(String name) {
            Size known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            // validation refuses unknown fragments and cycles before the limits are judged; never loop on one
            if (definition == null || !measuring.add(name)) {
                return Size.NONE;
            }
            Size size = of(definition.getSelectionSet());
            measuring.remove(name);
            measured.put(name, size);
            return size;
        }
    }
}
