package org.metroledger.gateway.qr;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * The HTTP handlers of the QR area: token verification, the trust list, QR images, the printable
 * label and token registration. Failures go to the router's failure handler as {@link
 * LedgerException}s carrying the error code.
 */
public final class QrEndpoints {
    private static final int PNG_PIXELS_PER_MODULE = 8;

    private final Vertx vertx;
    private final String publicBaseUrl;
    private final LedgerTrustList trustList;
    private final CertificateTokens tokens;
    private final QrVerification verification;
    private final CertificateLabel label;

    public QrEndpoints(
            Vertx vertx,
            String publicBaseUrl,
            LedgerTrustList trustList,
            CertificateTokens tokens,
            QrVerification verification,
            CertificateLabel label) {
        this.vertx = vertx;
        this.publicBaseUrl = publicBaseUrl;
        this.trustList = trustList;
        this.tokens = tokens;
        this.verification = verification;
        this.label = label;
    }

    /** {@code POST /api/v1/verifications {"token", "at"?}}. */
    public void verify(RoutingContext ctx) {
        JsonNode body = body(ctx);
        String token = body.path("token").asText(null);
        if (token == null) {
            ctx.fail(ApiFailure.of(ApiCode.INVALID_ARGUMENT, "token is required"));
            return;
        }
        Instant at;
        try {
            at = body.hasNonNull("at") ? Instant.parse(body.get("at").asText()) : null;
        } catch (DateTimeParseException e) {
            ctx.fail(ApiFailure.of(ApiCode.INVALID_ARGUMENT, "at is not an ISO-8601 instant"));
            return;
        }
        answer(ctx, verification.verify(token, at).thenApply(verdict -> Canonical.json(verdict.toJson())));
    }

    /** {@code GET /api/v1/trust-list}. */
    public void trustList(RoutingContext ctx) {
        answer(ctx, trustList.current().thenApply(Canonical::json));
    }

    /** {@code GET /api/v1/certificates/{id}/qr.png}. */
    public void png(RoutingContext ctx) {
        image(ctx, "image/png", url -> Buffer.buffer(QrCode.of(url).png(PNG_PIXELS_PER_MODULE)));
    }

    /** {@code GET /api/v1/certificates/{id}/qr.svg}. */
    public void svg(RoutingContext ctx) {
        image(ctx, "image/svg+xml", url -> Buffer.buffer(QrCode.of(url).svg()));
    }

    /** {@code GET /api/v1/certificates/{id}/label.pdf}. */
    public void label(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        CompletableFuture<LabelContent> content = tokens.token(id)
                .thenCompose(token -> tokens.payloadOf(id)
                        .thenCombine(
                                trustList.current(),
                                (payload, trust) -> new LabelContent(
                                        payload.certificateId(),
                                        payload.labId(),
                                        trust.lab(payload.labId())
                                                .map(Lab::name)
                                                .orElse(payload.labId()),
                                        payload.validUntil(),
                                        payload.conformity(),
                                        QrCode.url(publicBaseUrl, token))));
        Future.fromCompletionStage(content)
                .compose(c -> vertx.executeBlocking(() -> label.pdf(c)))
                .onSuccess(pdf -> ctx.response()
                        .putHeader("Content-Type", "application/pdf")
                        .putHeader("Content-Disposition", "inline; filename=\"label-" + safe(id) + ".pdf\"")
                        .end(Buffer.buffer(pdf)))
                .onFailure(ctx::fail);
    }

    /** {@code PUT /api/v1/certificates/{id}/qr-token {"token"}}: a lab registers its signed token. */
    public void register(RoutingContext ctx) {
        String token = body(ctx).path("token").asText(null);
        if (token == null) {
            ctx.fail(ApiFailure.of(ApiCode.INVALID_ARGUMENT, "token is required"));
            return;
        }
        String id = ctx.pathParam("id");
        answer(
                ctx,
                tokens.register(id, token)
                        .thenApply(kept -> Canonical.json(
                                Map.of("certificateId", id, "token", kept, "url", QrCode.url(publicBaseUrl, kept)))));
    }

    private void image(RoutingContext ctx, String type, Function<String, Buffer> draw) {
        Future.fromCompletionStage(tokens.token(ctx.pathParam("id")))
                .compose(token -> vertx.executeBlocking(() -> draw.apply(QrCode.url(publicBaseUrl, token))))
                .onSuccess(
                        image -> ctx.response().putHeader("Content-Type", type).end(image))
                .onFailure(ctx::fail);
    }

    private static void answer(RoutingContext ctx, CompletableFuture<String> json) {
        Future.fromCompletionStage(json)
                .onSuccess(body -> ctx.response()
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(body))
                .onFailure(ctx::fail);
    }

    private static JsonNode body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return Canonical.mapper().createObjectNode();
        }
        try {
            return Canonical.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiFailure.of(ApiCode.INVALID_ARGUMENT, "request body is not valid JSON");
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
