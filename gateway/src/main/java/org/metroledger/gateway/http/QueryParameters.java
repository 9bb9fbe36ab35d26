package org.metroledger.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import java.util.Set;
import java.util.TreeSet;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Refuses query parameters an operation does not declare, and any given more than once. The
 * validator ignores both, so a misspelt {@code ?dgest=} would answer a verdict in which no digest
 * was compared, and {@code ?at=a&at=b} would silently judge at the first.
 */
final class QueryParameters implements Handler<RoutingContext> {
    private final Set<String> declared = new TreeSet<>();

    QueryParameters(Operation operation) {
        operation.getParameters().stream()
                .filter(parameter -> parameter.getIn() == Location.QUERY)
                .forEach(parameter -> declared.add(parameter.getName()));
    }

    @Override
    public void handle(RoutingContext ctx) {
        for (String name : ctx.queryParams().names()) {
            if (!declared.contains(name)) {
                throw ApiFailure.invalid(
                        "query parameter " + name,
                        declared.isEmpty()
                                ? "is not known: this operation takes none"
                                : "is not known: this operation takes " + declared);
            }
            if (ctx.queryParams().getAll(name).size() > 1) {
                throw ApiFailure.invalid("query parameter " + name, "is given more than once");
            }
        }
        ctx.next();
    }
}
