package org.metroledger.gateway.http;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.contracts.Indicators;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.identity.Member;

/** The supervision indicators: public figures, the named overdue list, the recount and compaction. */
final class IndicatorRoutes implements RouteGroup {
    private final Indicators indicators;
    private final Member reader;

    IndicatorRoutes(Indicators indicators, Member reader) {
        this.indicators = indicators;
        this.reader = reader;
    }

    @Override
    public void register(Api api) {
        api.on("indicators", ctx -> answer(ctx, c -> indicators.summary(reader, query(c))));
        api.on(
                "recountIndicators",
                ctx -> answer(ctx, c -> indicators.recount(BearerAuthentication.caller(c), query(c))));
        api.on(
                "overdueInstruments",
                ctx -> answer(ctx, c -> indicators.overdue(BearerAuthentication.caller(c), overdueQuery(c))));
        api.on(
                "compactIndicators",
                ctx -> LedgerAnswers.created(
                        ctx, indicators.compact(BearerAuthentication.caller(ctx), Requests.body(ctx))));
    }

    private static void answer(
            RoutingContext ctx, Function<RoutingContext, CompletableFuture<? extends Answer<?>>> call) {
        LedgerAnswers.read(ctx, call.apply(ctx));
    }

    /** The query parameters of the indicators as the contract's request; the contract checks each. */
    static <T> Request<T> query(RoutingContext ctx) {
        return request(ctx, "months", "region", "province", "category", "entityCategory", "at", "since");
    }

    private static <T> Request<T> overdueQuery(RoutingContext ctx) {
        return request(ctx, "limit", "region", "province", "category", "at");
    }

    /** The named query parameters as a request (absent ones left out), {@code number} as a whole number. */
    private static <T> Request<T> request(RoutingContext ctx, String number, String... texts) {
        Object[] fields = new Object[2 * texts.length + 2];
        for (int i = 0; i < texts.length; i++) {
            fields[2 * i] = texts[i];
            fields[2 * i + 1] = ctx.queryParams().get(texts[i]);
        }
        fields[2 * texts.length] = number;
        fields[2 * texts.length + 1] =
                Requests.wholeNumber(number, ctx.queryParams().get(number));
        return Request.sent(Requests.of(fields));
    }
}
