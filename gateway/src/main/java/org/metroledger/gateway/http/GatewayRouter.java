package org.metroledger.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.List;
import org.metroledger.gateway.failure.ApiFailure;

/** Builds the gateway's one router: limits and headers first, then every route group, then errors. */
final class GatewayRouter {
    private static final int[] ERROR_STATUSES = {400, 401, 403, 404, 405, 413, 415, 500};

    private GatewayRouter() {}

    static Router create(
            Vertx vertx, OpenAPIContract contract, Buffer document, GatewayServices services, List<RouteGroup> groups) {
        Router router = Router.router(vertx);
        Api api = new Api(vertx, router, contract, document, services);
        router.route().handler(ctx -> {
            ctx.response()
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Cache-Control", "no-store");
            ctx.next();
        });
        router.route().handler(GatewayRouter::requireDecodableUri);
        groups.forEach(group -> group.register(api));
        api.bindAll();
        Failures failures = new Failures();
        router.route().failureHandler(failures);
        for (int status : ERROR_STATUSES) {
            router.errorHandler(status, failures);
        }
        return router;
    }

    /**
     * Refuses a path or query with a broken percent-escape ({@code %zz}, a lone {@code %}) before
     * anything decodes it: Vert.x throws IllegalArgumentException on first use, which would
     * otherwise surface from whichever handler touched the path first as a fault of ours.
     */
    private static void requireDecodableUri(RoutingContext ctx) {
        try {
            ctx.normalizedPath();
        } catch (IllegalArgumentException e) {
            throw ApiFailure.invalid("path", "has a broken percent-escape: " + e.getMessage());
        }
        try {
            ctx.queryParams();
        } catch (RuntimeException e) {
            throw ApiFailure.invalid("query", "has a broken percent-escape");
        }
        ctx.next();
    }
}
