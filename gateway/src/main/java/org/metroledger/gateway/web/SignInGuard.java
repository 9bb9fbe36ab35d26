package org.metroledger.gateway.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Keeps sign-in and sign-out to this site's own form (no login CSRF): the POST must come from this
 * origin (Sec-Fetch-Site, Origin or Referer say so, none says otherwise) and carry the CSRF token
 * of the form, which must equal the one in the browser's own cookie (double submit).
 */
final class SignInGuard {
    static final String CSRF_COOKIE = "ml_csrf";
    static final String CSRF_FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final String publicOrigin;
    private final boolean secureCookies;

    /** @param publicBaseUrl where browsers reach us: its origin is this site's, https makes cookies Secure */
    SignInGuard(String publicBaseUrl) {
        this.publicOrigin = origin(publicBaseUrl);
        this.secureCookies = publicBaseUrl.startsWith("https:");
    }

    boolean secureCookies() {
        return secureCookies;
    }

    /** The CSRF token the browser holds, set now when it holds none; goes into the page's forms. */
    String tokenFor(RoutingContext ctx) {
        Cookie held = ctx.request().getCookie(CSRF_COOKIE);
        if (held != null && held.getValue().matches("[A-Za-z0-9_-]{43}")) {
            return held.getValue();
        }
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ctx.response().addCookie(cookie(CSRF_COOKIE, token));
        return token;
    }

    /** A cookie of this site's sign-in: HttpOnly, SameSite=Strict, Secure where we are reached over https. */
    Cookie cookie(String name, String value) {
        return Cookie.cookie(name, value)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(secureCookies)
                .setPath("/");
    }

    /**
     * Refuses, FORBIDDEN, a sign-in or sign-out that is not a same-origin POST of our form.
     *
     * @param form the fields posted
     */
    void check(RoutingContext ctx, Map<String, String> form) {
        String fetchSite = ctx.request().getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin")) {
            throw refusal("the browser says it came from another site (Sec-Fetch-Site: " + fetchSite + ")");
        }
        String origin = ctx.request().getHeader("Origin");
        boolean sameOrigin = fetchSite != null;
        if (origin != null && !origin.equals("null")) {
            if (!allowed(ctx, origin)) {
                throw refusal("Origin " + origin + " is not this site");
            }
            sameOrigin = true;
        }
        String referer = ctx.request().getHeader("Referer");
        if (!sameOrigin && referer != null) {
            if (!allowed(ctx, origin(referer))) {
                throw refusal("the Referer is not a page of this site");
            }
            sameOrigin = true;
        }
        if (!sameOrigin) {
            throw refusal("nothing shows it came from this site's own page (no Origin, Referer or Sec-Fetch-Site)");
        }
        Cookie held = ctx.request().getCookie(CSRF_COOKIE);
        String sent = form.get(CSRF_FIELD);
        if (held == null
                || sent == null
                || sent.isEmpty()
                || !MessageDigest.isEqual(
                        held.getValue().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw refusal("the form's CSRF token is missing or does not match this browser's; reload the sign-in page");
        }
    }

    private boolean allowed(RoutingContext ctx, String origin) {
        String host = ctx.request().getHeader("Host");
        return origin.equals(publicOrigin)
                || (host != null && (origin.equals("http://" + host) || origin.equals("https://" + host)));
    }

    /** scheme://host[:port] of a URL, lower-cased; empty when it is not a URL. */
    private static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return "";
            }
            return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static ApiFailure refusal(String why) {
        return ApiFailure.of(
                ApiCode.FORBIDDEN, "sign-in and sign-out are taken from this site's own form only: " + why);
    }
}
