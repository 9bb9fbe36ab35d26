package org.metroledger.gateway.http;

import static org.metroledger.gateway.auth.BearerAuthentication.caller;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.metroledger.chaincode.notice.NoticeContract.DueQuery;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.auth.MemberDirectory;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.notice.NoticeSweeper;
import org.metroledger.gateway.notice.Webhook;
import org.metroledger.gateway.notice.WebhookBook;
import org.metroledger.gateway.notice.WebhookDispatcher;

/**
 * Expiry and overdue notices: {@code POST /api/v1/notices/sweep} announces what is due for a
 * region or an entity; {@code POST /api/v1/webhooks} registers an outbound webhook for one, and
 * {@code GET /api/v1/webhooks/{id}/deliveries} shows its registrant every delivery attempt. The
 * gateway sweeps every registered webhook's scope every {@link #SWEEP_EVERY}, as its registrant.
 */
final class NoticeRoutes implements RouteGroup {
    private static final System.Logger LOG = System.getLogger(NoticeRoutes.class.getName());
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final int ATTEMPTS = 6;
    private static final int MAX_URL = 2048;

    private final Contracts contracts;
    private final MemberDirectory members;
    private final WebhookBook book;

    NoticeRoutes(Contracts contracts, MemberDirectory members, WebhookBook book) {
        this.contracts = contracts;
        this.members = members;
        this.book = book;
    }

    @Override
    public void register(Api api) {
        NoticeSweeper sweeper = new NoticeSweeper(contracts);
        new WebhookDispatcher(api.vertx(), contracts.ledger(), book, FIRST_RETRY, ATTEMPTS, Clock.systemUTC());
        api.vertx().setPeriodic(SWEEP_EVERY.toMillis(), id -> {
            for (Webhook hook : book.all()) {
                members.member(hook.ownerMsp(), hook.ownerName())
                        .ifPresent(owner -> sweeper.sweep(owner, scope(hook.region(), hook.entity()))
                                .exceptionally(failure -> {
                                    LOG.log(Level.WARNING, "the sweep of webhook " + hook.id() + " failed", failure);
                                    return null;
                                }));
            }
        });
        api.on("sweepNotices", ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            DueQuery scope = scope(body.getString("region"), body.getString("entity"));
            LedgerAnswers.onContext(ctx, sweeper.sweep(caller(ctx), scope))
                    .onSuccess(ids -> LedgerAnswers.json(
                            ctx,
                            200,
                            new JsonObject()
                                    .put("announced", new JsonArray(ids))
                                    .encode()))
                    .onFailure(ctx::fail);
        });
        api.on("registerWebhook", ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            String url = url(body.getString("url"));
            DueQuery scope = scope(body.getString("region"), body.getString("entity"));
            TokenBook.Holder holder = BearerAuthentication.holder(ctx);
            // The ledger says whether the caller may read this scope's notices, as it will at each sweep.
            LedgerAnswers.onContext(ctx, contracts.notices().due(caller(ctx), scope))
                    .map(due -> book.add(
                            url,
                            scope.entity(),
                            scope.region(),
                            holder.msp(),
                            holder.name(),
                            Clock.systemUTC().instant()))
                    .onSuccess(hook -> LedgerAnswers.json(
                            ctx, 201, JsonObject.mapFrom(hook).encode()))
                    .onFailure(ctx::fail);
        });
        api.on("webhookDeliveries", ctx -> {
            Webhook hook = book.get(ctx.pathParam("id"))
                    .orElseThrow(() -> ApiFailure.of(ApiCode.NOT_FOUND, "no webhook " + ctx.pathParam("id")));
            TokenBook.Holder holder = BearerAuthentication.holder(ctx);
            if (!hook.ownerMsp().equals(holder.msp()) || !hook.ownerName().equals(holder.name())) {
                throw ApiFailure.of(
                        ApiCode.FORBIDDEN, "only the registrant of webhook " + hook.id() + " sees its deliveries");
            }
            LedgerAnswers.json(
                    ctx,
                    200,
                    new JsonObject()
                            .put("webhook", JsonObject.mapFrom(hook.withoutSecret()))
                            .put(
                                    "items",
                                    new JsonArray(book.deliveries(hook.id()).stream()
                                            .map(JsonObject::mapFrom)
                                            .toList()))
                            .encode());
        });
    }

    private static DueQuery scope(String region, String entity) {
        if ((region == null) == (entity == null)) {
            throw ApiFailure.invalid("region", "or entity is needed, and only one of them");
        }
        return new DueQuery(region, entity, null);
    }

    /** An absolute http(s) URL with a host; INVALID_ARGUMENT naming url otherwise. */
    private static String url(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_URL) {
            throw ApiFailure.invalid("url", "is required, at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw ApiFailure.invalid("url", "must be an http or https URL with a host and no user info");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ApiFailure.invalid("url", "is not a URL: " + e.getReason());
        }
    }
}
