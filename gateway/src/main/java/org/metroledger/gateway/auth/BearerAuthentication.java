package org.metroledger.gateway.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;

/**
 * Checks {@code Authorization: Bearer <token>} and puts the caller's ledger identity on the
 * request; refuses with UNAUTHENTICATED otherwise. Roles are the chaincode's business, not ours.
 */
public final class BearerAuthentication implements Handler<RoutingContext> {
    private static final String CALLER = "metroledger.caller";
    private static final String HOLDER = "metroledger.holder";
    private static final String PREFIX = "Bearer ";

    private final TokenBook tokens;
    private final MemberDirectory members;

    public BearerAuthentication(TokenBook tokens, MemberDirectory members) {
        this.tokens = tokens;
        this.members = members;
    }

    /** The identity an authenticated request acts as. */
    public static Member caller(RoutingContext ctx) {
        Member member = ctx.get(CALLER);
        if (member == null) {
            throw new IllegalStateException("route has no authentication in front of it");
        }
        return member;
    }

    /** Whose token an authenticated request carries: the wallet name its identity is kept under. */
    public static TokenBook.Holder holder(RoutingContext ctx) {
        TokenBook.Holder holder = ctx.get(HOLDER);
        if (holder == null) {
            throw new IllegalStateException("route has no authentication in front of it");
        }
        return holder;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null) {
            ctx.fail(ApiFailure.of(ApiCode.UNAUTHENTICATED, "Authorization: Bearer <token> is required"));
            return;
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            ctx.fail(ApiFailure.of(ApiCode.UNAUTHENTICATED, "the Authorization header must be Bearer <token>"));
            return;
        }
        Optional<TokenBook.Holder> holder =
                tokens.holderOf(header.substring(PREFIX.length()).trim());
        Optional<Member> member = holder.flatMap(h -> members.member(h.msp(), h.name()));
        if (member.isEmpty()) {
            ctx.fail(ApiFailure.of(ApiCode.UNAUTHENTICATED, "the bearer token is not valid"));
            return;
        }
        ctx.put(CALLER, member.get());
        ctx.put(HOLDER, holder.get());
        ctx.next();
    }
}
