package org.metroledger.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metroledger.gateway.auth.BearerAuthentication;

/**
 * Binds the operations of the OpenAPI document to handlers. Every operation is routed from the
 * document itself: authentication where it declares security, then validation of the request
 * against it, then the handler, so the document served is the one that validates.
 */
public final class Api {
    /** The media type itself, and a charset parameter with its value. */
    private static final Pattern CASE_INSENSITIVE_PART =
            Pattern.compile("^[^;]*|(?i)(?<=;)\\s*charset\\s*=\\s*\"?[^;\"]*");

    private final Vertx vertx;
    private final Router router;
    private final OpenAPIContract contract;
    private final Buffer document;
    private final GatewayServices services;
    private final Map<String, Handler<RoutingContext>> handlers = new LinkedHashMap<>();
    private final Set<String> largeBodyOperations = new HashSet<>();

    Api(Vertx vertx, Router router, OpenAPIContract contract, Buffer document, GatewayServices services) {
        this.vertx = vertx;
        this.router = router;
        this.contract = contract;
        this.document = document;
        this.services = services;
    }

    public Vertx vertx() {
        return vertx;
    }

    public OpenAPIContract contract() {
        return contract;
    }

    /** The OpenAPI document's bytes, as served at /openapi.json. */
    public Buffer document() {
        return document;
    }

    /**
     * The router, for routes the JSON API document does not describe (HTML pages, images). Routes
     * added here get the body limit, security headers and error mapping, but no validation.
     */
    public Router router() {
        return router;
    }

    /** Binds the handler of one operation of the document. */
    public Api on(String operationId, Handler<RoutingContext> handler) {
        if (contract.operation(operationId) == null) {
            throw new IllegalArgumentException("openapi.json has no operation " + operationId);
        }
        if (handlers.putIfAbsent(operationId, handler) != null) {
            throw new IllegalArgumentException("operation " + operationId + " is bound twice");
        }
        return this;
    }

    /** Lets one operation take bodies up to {@link RequestBodies#LARGE_BODY_BYTES} (DCC XML documents). */
    public Api allowLargeBody(String operationId) {
        largeBodyOperations.add(contract.operation(operationId).getOperationId());
        return this;
    }

    /** Routes every operation of the document; refuses to start if one has no handler. */
    void bindAll() {
        RequestValidator validator = RequestValidator.create(vertx, contract);
        RequestExtractor extractor = RequestExtractor.withBodyHandler();
        BearerAuthentication authentication = new BearerAuthentication(services.tokens(), services.members());
        Map<String, Set<String>> bodyTypes = RequestBodies.declared(new JsonObject(document));
        for (Operation operation : contract.operations()) {
            Handler<RoutingContext> handler = handlers.get(operation.getOperationId());
            if (handler == null) {
                throw new IllegalStateException("no handler for operation " + operation.getOperationId() + " ("
                        + operation.getHttpMethod() + " " + operation.getOpenAPIPath() + ")");
            }
            var route = router.route(operation.getHttpMethod(), vertxPath(operation.getOpenAPIPath()));
            if (operation.getHttpMethod() == HttpMethod.GET) {
                // Every server supports HEAD next to GET (RFC 9110); Vert.x sends the head without the body.
                route.method(HttpMethod.HEAD);
            }
            boolean secured = !operation.getSecurityRequirements().isEmpty();
            if (secured) {
                route.handler(authentication);
            } else {
                // Public operations are meant for any web page (offline verifiers, other regions' portals).
                route.handler(ctx -> {
                    ctx.response().putHeader("Access-Control-Allow-Origin", "*");
                    ctx.next();
                });
                if (operation.getHttpMethod() != HttpMethod.GET) {
                    allowPreflight(operation);
                }
            }
            String operationId = operation.getOperationId();
            route.handler(new QueryParameters(operation));
            route.handler(Api::lowerCaseMediaType);
            Handler<RoutingContext> body =
                    RequestBodies.of(operation, bodyTypes.get(operationId), largeBodyOperations.contains(operationId));
            if (body != null) {
                route.handler(body);
            }
            route.handler(ctx -> extractor
                    .extractValidatableRequest(ctx, operation)
                    .compose(request -> validator.validate(request, operationId))
                    .onSuccess(validated -> ctx.next())
                    .onFailure(ctx::fail));
            route.handler(handler);
        }
    }

    /**
     * Answers a browser's CORS preflight for a public operation a page sends a JSON body to (the
     * QR token verification): without it the browser never sends the request.
     */
    private void allowPreflight(Operation operation) {
        router.route(HttpMethod.OPTIONS, vertxPath(operation.getOpenAPIPath()))
                .handler(ctx -> ctx.response()
                        .setStatusCode(204)
                        .putHeader("Access-Control-Allow-Origin", "*")
                        .putHeader(
                                "Access-Control-Allow-Methods",
                                operation.getHttpMethod().name())
                        .putHeader("Access-Control-Allow-Headers", "Content-Type")
                        .putHeader("Access-Control-Max-Age", "600")
                        .end());
    }

    /**
     * Media types and charset names are case-insensitive (RFC 9110), but the validator compares
     * them as written: "Application/JSON" would be 415. Lower-case them before it looks, and
     * nothing else (a multipart boundary is case-sensitive).
     */
    private static void lowerCaseMediaType(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            ctx.request()
                    .headers()
                    .set(
                            HttpHeaders.CONTENT_TYPE,
                            CASE_INSENSITIVE_PART
                                    .matcher(contentType)
                                    .replaceAll(part -> Matcher.quoteReplacement(
                                            part.group().toLowerCase(Locale.ROOT))));
        }
        ctx.next();
    }

    private static String vertxPath(String openApiPath) {
        return openApiPath.replaceAll("\\{([^}]+)}", ":$1");
    }
}
