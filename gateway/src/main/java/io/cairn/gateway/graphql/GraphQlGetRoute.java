package io.cairn.gateway.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.cairn.platform.security.ProblemJson;
import io.cairn.platform.web.ErrorCodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP with GET ({@code /graphql?query=...&variables=...&operationName=...}) for queries,
 * as the GraphQL-over-HTTP specification allows; a mutation over GET is refused with 405.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlGetRoute {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGet(WebGraphQlHandler graphQl) {
        return RouterFunctions.route(RequestPredicates.GET("/graphql").and(RequestPredicates.queryParam("query", q -> true)),
                request -> handle(request, graphQl));
    }

    private Mono<ServerResponse> handle(ServerRequest request, WebGraphQlHandler graphQl) {
        String query = request.queryParam("query").orElse("");
        String operationName = request.queryParam("operationName").filter(name -> !name.isBlank()).orElse(null);
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("operationName", operationName);
        try {
            if (isMutation(query, operationName)) {
                return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, HttpMethod.POST.name())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .bodyValue(ProblemJson.of(HttpStatus.METHOD_NOT_ALLOWED, ErrorCodes.BAD_REQUEST,
                                "Mutations must be sent with POST", request.path()));
            }
            String variables = request.queryParam("variables").orElse(null);
            if (variables != null && !variables.isBlank()) {
                body.put("variables", JSON.readValue(variables, Map.class));
            }
        } catch (RuntimeException e) {
            // a document that does not parse, or variables that are not a JSON object: GraphQL reports it
            if (!(e instanceof InvalidSyntaxException)) {
                return ServerResponse.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .bodyValue(ProblemJson.of(HttpStatus.BAD_REQUEST, ErrorCodes.BAD_REQUEST,
                                "variables must be a JSON object", request.path()));
            }
        }
        boolean modern = request.headers().accept().stream().anyMatch(GRAPHQL_RESPONSE::isCompatibleWith);
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                request.cookies(), request.remoteAddress().orElse(null), request.attributes(), body,
                request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
        return graphQl.handleRequest(graphQlRequest).flatMap(response -> {
            // application/graphql-response+json: a request that could not run (no data) is a 400
            HttpStatus status = modern && !response.getExecutionResult().isDataPresent() ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
            return ServerResponse.status(status).headers(h -> h.putAll(response.getResponseHeaders()))
                    .contentType(modern ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON)
                    .bodyValue(response.toMap());
        });
    }

    private static boolean isMutation(String query, String operationName) {
        Document document = Parser.parse(query);
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(op -> operations.size() == 1 || Objects.equals(op.getName(), operationName))
                .anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
    }
}
