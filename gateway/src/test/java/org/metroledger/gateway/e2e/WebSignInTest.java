package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.auth.TokenBook;

/**
 * Web sign-in as a browser does it, and as a hostile page would try it: a server-side session with
 * a random id, bound to the token it was opened with; sign-out ends it; only this site's own form,
 * posted from this origin with its CSRF token, signs in.
 */
class WebSignInTest extends Scenario {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

    HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
    }

    /** A browser's cookies for this site, and what it sends with a form. */
    private final class Browser {
        String csrfCookie;
        String session;

        String loginForm() {
            Http.Answer page = send(HttpMethod.GET, "/login", null, null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().get("Referrer-Policy")).isEqualTo("same-origin");
            keep(page.headers());
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as(page.body()).isTrue();
            return csrf.group(1);
        }

        Http.Answer post(String path, String origin, String form) {
            Http.Answer answer = send(HttpMethod.POST, path, origin, form);
            keep(answer.headers());
            return answer;
        }

        Http.Answer inspect() {
            return send(HttpMethod.GET, "/inspect/entities/" + world.entityNorth, null, null);
        }

        private Http.Answer send(HttpMethod method, String path, String origin, String form) {
            HttpRequest<Buffer> request = http.request(method, path).followRedirects(false);
            StringBuilder cookies = new StringBuilder();
            if (csrfCookie != null) {
                cookies.append("ml_csrf=").append(csrfCookie).append("; ");
            }
            if (session != null) {
                cookies.append("ml_session=").append(session);
            }
            if (!cookies.isEmpty()) {
                request.putHeader("Cookie", cookies.toString());
            }
            if (origin != null) {
                request.putHeader("Origin", origin);
            }
            if (form == null) {
                return Http.await(request.send());
            }
            request.putHeader("Content-Type", "application/x-www-form-urlencoded");
            return Http.await(request.sendBuffer(Buffer.buffer(form)));
        }

        private void keep(MultiMap headers) {
            for (String cookie : headers.getAll("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                String value = pair.substring(pair.indexOf('=') + 1);
                if (pair.startsWith("ml_csrf=")) {
                    csrfCookie = value;
                } else if (pair.startsWith("ml_session=")) {
                    session = value.isEmpty() ? null : value;
                }
            }
        }
    }

    private String self() {
        return "http://" + deployment.host() + ":" + deployment.port();
    }

    private static String form(String token, String csrf) {
        return "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&next=&csrf=" + csrf;
    }

    @Test
    void a_sign_in_opens_a_server_side_session_whose_cookie_is_not_the_token_and_sign_out_ends_it() {
        Browser browser = new Browser();
        String token = token(Cast.NORTH_INSPECTOR);
        Http.Answer signedIn = browser.post("/login", self(), form(token, browser.loginForm()));

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
        String cookie = signedIn.headers().getAll("Set-Cookie").stream()
                .filter(c -> c.startsWith("ml_session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Max-Age=");
        assertThat(browser.session)
                .matches("[A-Za-z0-9_-]{43}")
                .isNotEqualTo(token)
                .doesNotContain(token);
        assertThat(browser.inspect().status()).isEqualTo(200);

        String stolen = browser.session;
        Http.Answer signedOut = browser.post("/logout", self(), "csrf=" + browser.loginForm());
        assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(303);
        assertThat(browser.session).isNull();
        browser.session = stolen;
        Http.Answer after = browser.inspect();
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.headers().get("Location")).startsWith("/login");
    }

    @Test
    void a_sign_in_posted_from_another_origin_or_without_the_forms_csrf_token_is_refused() {
        String token = token(Cast.NORTH_INSPECTOR);
        for (String origin : List.of("https://evil.example", "null")) {
            Browser victim = new Browser();
            String csrf = victim.loginForm();
            Http.Answer answer = victim.post("/login", origin, form(token, csrf));
            assertThat(answer.status()).as(origin + ": " + answer).isEqualTo(403);
            assertThat(answer.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(victim.session).isNull();
        }
        Browser noToken = new Browser();
        noToken.loginForm();
        Http.Answer missing = noToken.post("/login", self(), form(token, ""));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().getJsonObject("error").getString("message")).contains("CSRF");
        Browser otherCookie = new Browser();
        String csrf = otherCookie.loginForm();
        otherCookie.csrfCookie = "x".repeat(43);
        assertThat(otherCookie.post("/login", self(), form(token, csrf)).status())
                .isEqualTo(403);
        assertThat(otherCookie.session).isNull();
    }

    @Test
    void revoking_the_token_ends_its_api_access_and_its_web_sessions() {
        // The centre admin may read credit histories too; no other test of the class needs its token.
        String token = token(Cast.NORTH_ADMIN);
        Browser browser = new Browser();
        assertThat(browser.post("/login", self(), form(token, browser.loginForm()))
                        .status())
                .isEqualTo(303);
        assertThat(browser.inspect().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);

        assertThat(TokenBook.open(dataDir).revoke(token)).isTrue();

        assertThat(http.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(browser.inspect().status()).isEqualTo(303);
    }
}
