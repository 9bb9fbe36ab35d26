package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.auth.MemberDirectory;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Listings;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.failure.CodedFailure;
import org.metroledger.gateway.failure.HttpStatuses;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.BlockSummary;
import org.metroledger.gateway.qr.QrVerification;
import org.metroledger.gateway.qr.TokenVerdict;

/**
 * The server-rendered pages: {@code /v/{token}}, {@code /inspect/entities/{id}}, {@code
 * /recognition}, {@code /ledger}, sign-in and the stylesheet. Every page carries a strict
 * Content-Security-Policy: no script at all, styles only from this origin.
 */
public final class WebPages {
    private static final System.Logger LOG = System.getLogger(WebPages.class.getName());

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    static final String SESSION_COOKIE = "ml_session";
    private static final int RECENT_BLOCKS = 10;
    private static final int LOGIN_FORM_BYTES = 8192;
    private static final int LOGIN_FORM_FIELDS = 8;
    private static final int MAX_SERIES = 40;
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 21;

    private final Contracts contracts;
    private final Member reader;
    private final CatalogueSearch catalogue;
    private final QrVerification verification;
    private final WebSessions sessions;
    private final SignInGuard guard;
    private final byte[] stylesheet;
    private final Dashboard dashboard;

    /**
     * @param tokens the bearer tokens a sign-in may present, and the identities they name
     * @param publicBaseUrl where browsers reach us: this site's origin; https makes the cookies Secure
     */
    public WebPages(
            Contracts contracts,
            Member reader,
            QrVerification verification,
            TokenBook tokens,
            MemberDirectory members,
            String publicBaseUrl,
            CatalogueSearch catalogue) {
        this.contracts = contracts;
        this.catalogue = catalogue;
        this.reader = reader;
        this.verification = verification;
        this.sessions = new WebSessions(tokens, members, Clock.systemUTC());
        this.guard = new SignInGuard(publicBaseUrl);
        this.stylesheet = resource("/web/metroledger.css");
        this.dashboard = new Dashboard(contracts, reader);
    }

    public void mount(Router router) {
        router.get(PageFrame.STYLESHEET)
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "text/css; charset=utf-8")
                        .putHeader("Cache-Control", "public, max-age=3600")
                        .end(io.vertx.core.buffer.Buffer.buffer(stylesheet)));
        router.get("/").handler(ctx -> html(ctx, 200, LookupPages.home(lang(ctx))));
        router.get("/v/:token").handler(this::verificationPage);
        for (String lookUp : List.of("/certificates", "/instruments", "/entities", "/inspect/entities")) {
            // The home page's forms send ?id=...; the page itself lives at its own path.
            router.get(lookUp).handler(ctx -> {
                String id = blankToNull(ctx.queryParams().get("id"));
                redirect(
                        ctx,
                        PageFrame.link(id == null ? "/" : lookUp + "/" + PageFrame.segment(id), Map.of(), lang(ctx)));
            });
        }
        router.get("/certificates/:id").handler(this::certificatePage);
        router.get("/instruments/:id").handler(this::instrumentPage);
        router.get("/entities/:id").handler(this::entityPage);
        router.get("/ledger").handler(this::ledgerPage);
        router.get("/recognition").handler(this::recognitionPage);
        router.get(DashboardPage.PATH)
                .handler(ctx -> respond(
                        ctx,
                        lang(ctx),
                        dashboard
                                .view(Dashboard.query(ctx.queryParams()), session(ctx))
                                .thenApply(view -> DashboardPage.render(lang(ctx), view))));
        router.get("/catalogue").handler(this::cataloguePage);
        router.get("/login")
                .handler(ctx -> loginPage(ctx, 200, ctx.queryParams().get("next"), false));
        router.post("/login")
                .handler(new FormFields(LOGIN_FORM_BYTES, LOGIN_FORM_FIELDS))
                .handler(this::login);
        router.post("/logout")
                .handler(new FormFields(LOGIN_FORM_BYTES, LOGIN_FORM_FIELDS))
                .handler(ctx -> {
                    guard.check(ctx, FormFields.of(ctx));
                    Cookie session = ctx.request().getCookie(SESSION_COOKIE);
                    if (session != null) {
                        sessions.close(session.getValue());
                    }
                    ctx.response().addCookie(guard.cookie(SESSION_COOKIE, "").setMaxAge(0));
                    redirect(ctx, PageFrame.link("/login", Map.of(), lang(ctx)));
                });
        router.get("/inspect/entities/:id").handler(this::inspectorPage);
    }

    private void verificationPage(RoutingContext ctx) {
        Lang lang = lang(ctx);
        String token = ctx.pathParam("token");
        String path = "/v/" + PageFrame.segment(token);
        CompletableFuture<String> page = verification
                .verify(token, null)
                .thenCompose(verdict -> surroundings(verdict)
                        .thenApply(around -> VerificationPage.render(lang, path, verdict, around)));
        respond(ctx, lang, page);
    }

    /** The instrument, its owner, the owner's credit grade and commitment, for a genuine token. */
    private CompletableFuture<VerificationPage.Surroundings> surroundings(TokenVerdict verdict) {
        JsonNode certificate = verdict.certificate();
        if (!verdict.token().genuine()
                || !Field.present(certificate)
                || !"INSTRUMENT".equals(Field.of(certificate, "subjectType"))) {
            return CompletableFuture.completedFuture(VerificationPage.Surroundings.NONE);
        }
        return Answer.orNull(contracts.registry().getInstrument(reader, Field.of(certificate, "subject")))
                .thenApply(WebPages::tree)
                .thenCompose(instrument -> instrument == null
                        ? CompletableFuture.completedFuture(VerificationPage.Surroundings.NONE)
                        : owner(instrument, Field.of(instrument, "owner"), false));
    }

    /**
     * An entity, its credit grade and its commitment in effect, around an instrument (or null).
     *
     * @param required whether a missing entity is NOT_FOUND (its own page) or just left out
     */
    private CompletableFuture<VerificationPage.Surroundings> owner(JsonNode instrument, String id, boolean required) {
        CompletableFuture<Answer<Entity>> read = contracts.registry().getEntity(reader, id);
        CompletableFuture<JsonNode> entity = (required ? read : Answer.orNull(read)).thenApply(WebPages::tree);
        CompletableFuture<JsonNode> rating =
                Answer.orNull(contracts.credit().rating(reader, id, null)).thenApply(WebPages::tree);
        CompletableFuture<JsonNode> commitment =
                Answer.orNull(contracts.commitments().active(reader, id)).thenApply(WebPages::tree);
        return CompletableFuture.allOf(entity, rating, commitment)
                .thenApply(done ->
                        new VerificationPage.Surroundings(instrument, entity.join(), rating.join(), commitment.join()));
    }

    private void certificatePage(RoutingContext ctx) {
        Lang lang = lang(ctx);
        String path = "/certificates/" + PageFrame.segment(ctx.pathParam("id"));
        respond(
                ctx,
                lang,
                verification
                        .lookUp(ctx.pathParam("id"))
                        .thenCompose(verdict -> surroundings(verdict)
                                .thenApply(around -> VerificationPage.lookUp(lang, path, verdict, around))));
    }

    private void instrumentPage(RoutingContext ctx) {
        Lang lang = lang(ctx);
        String id = ctx.pathParam("id");
        String path = "/instruments/" + PageFrame.segment(id);
        CompletableFuture<List<JsonNode>> certificates =
                items(paging -> contracts.certificates().listBySubject(reader, id, paging));
        CompletableFuture<String> page = contracts
                .registry()
                .getInstrument(reader, id)
                .thenApply(Answer::tree)
                .thenCompose(instrument -> owner(instrument, Field.of(instrument, "owner"), false))
                .thenCombine(certificates, (around, list) -> LookupPages.instrument(lang, path, around, list));
        respond(ctx, lang, page);
    }

    private void entityPage(RoutingContext ctx) {
        Lang lang = lang(ctx);
        String id = ctx.pathParam("id");
        String path = "/entities/" + PageFrame.segment(id);
        respond(ctx, lang, owner(null, id, true).thenApply(around -> LookupPages.entity(lang, path, around)));
    }

    private void ledgerPage(RoutingContext ctx) {
        Lang lang = lang(ctx);
        long height = contracts.ledger().height();
        List<CompletableFuture<Optional<BlockSummary>>> blocks = new ArrayList<>();
        for (long n = height - 1; n >= 0 && n >= height - RECENT_BLOCKS; n--) {
            blocks.add(contracts.ledger().block(n));
        }
        CompletableFuture<String> page = CompletableFuture.allOf(blocks.toArray(CompletableFuture[]::new))
                .thenApply(done -> LedgerPage.render(
                        lang,
                        contracts.ledger().backend(),
                        height,
                        blocks.stream()
                                .map(CompletableFuture::join)
                                .flatMap(Optional::stream)
                                .toList()));
        respond(ctx, lang, page);
    }

    private void recognitionPage(RoutingContext ctx) {
        Lang lang = lang(ctx);
        String certificate = blankToNull(ctx.queryParams().get("certificate"));
        String region = blankToNull(ctx.queryParams().get("region"));
        CompletableFuture<List<JsonNode>> regions = regions();
        CompletableFuture<String> page;
        if (certificate == null || region == null) {
            page = regions.thenApply(list -> RecognitionPage.render(lang, certificate, region, list, null, null));
        } else {
            CompletableFuture<Object> answer = contracts
                    .recognitions()
                    .evaluate(reader, certificate, region, null)
                    .<Object>thenApply(Answer::tree)
                    .exceptionally(failure -> problem(unwrap(failure)));
            page = regions.thenCombine(
                    answer,
                    (list, result) -> result instanceof JsonNode json
                            ? RecognitionPage.render(lang, certificate, region, list, json, null)
                            : RecognitionPage.render(lang, certificate, region, list, null, (String) result));
        }
        respond(ctx, lang, page);
    }

    /**
     * The catalogue: the form alone until something is asked; a search the ledger refuses (a bad
     * range, an unknown region) answers its 4xx with the form and the reason.
     */
    private void cataloguePage(RoutingContext ctx) {
        Lang lang = lang(ctx);
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : CatalogueSearch.PARAMETERS) {
            String value = blankToNull(ctx.queryParams().get(name));
            if (value != null) {
                query.put(name, value);
            }
        }
        CompletableFuture<List<JsonNode>> regions = regions();
        if (query.isEmpty()) {
            respond(ctx, lang, regions.thenApply(list -> CataloguePage.render(lang, query, list, null, null)));
            return;
        }
        CompletableFuture<String> search;
        try {
            search = catalogue.search(query::get);
        } catch (ApiFailure e) {
            search = CompletableFuture.failedFuture(e);
        }
        Future.fromCompletionStage(
                        regions.thenCombine(
                                search.<Object>thenApply(
                                                page -> org.metroledger.chaincode.json.Canonical.tree(page, "page"))
                                        .exceptionally(failure -> refusal(failure)),
                                (list, result) -> result instanceof JsonNode page
                                        ? Map.entry(200, CataloguePage.render(lang, query, list, page, null))
                                        : Map.entry(
                                                ((Refusal) result).status(),
                                                CataloguePage.render(
                                                        lang, query, list, null, ((Refusal) result).message()))),
                        ctx.vertx().getOrCreateContext())
                .onSuccess(answer -> html(ctx, answer.getKey(), answer.getValue()))
                .onFailure(ctx::fail);
    }

    /** The registered regions (msp, name), for the pages' choices of a region. */
    private CompletableFuture<List<JsonNode>> regions() {
        return contracts.registry().listRegions(reader).thenApply(answer -> {
            List<JsonNode> list = new ArrayList<>();
            answer.tree().forEach(list::add);
            return list;
        });
    }

    /** A search refused for its input: the status the API answers and the reason, naming the field. */
    private record Refusal(int status, String message) {}

    private static Object refusal(Throwable failure) {
        CodedFailure problem = unwrap(failure);
        int status = HttpStatuses.of(problem.code());
        if (status >= 500) {
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        }
        return new Refusal(status, problem(problem));
    }

    private void inspectorPage(RoutingContext ctx) {
        Lang lang = lang(ctx);
        String id = ctx.pathParam("id");
        Optional<Member> member = session(ctx);
        if (member.isEmpty()) {
            redirect(ctx, PageFrame.link("/login", Map.of("next", "/inspect/entities/" + PageFrame.segment(id)), lang));
            return;
        }
        Member who = member.get();
        CompletableFuture<JsonNode> entity =
                contracts.registry().getEntity(who, id).thenApply(Answer::tree);
        CompletableFuture<JsonNode> rating =
                contracts.credit().rating(who, id, null).thenApply(Answer::tree);
        CompletableFuture<List<JsonNode>> events =
                items(paging -> contracts.credit().history(who, id, paging));
        CompletableFuture<List<JsonNode>> commitments =
                items(paging -> contracts.commitments().listByEntity(who, id, paging));
        CompletableFuture<List<ScoreChart.Point>> series = events.thenCombine(rating, (list, now) -> list)
                .thenCompose(list -> series(who, id, list, rating.join()));
        CompletableFuture<String> page = CompletableFuture.allOf(entity, rating, events, commitments, series)
                .thenApply(done -> InspectorPage.render(
                        lang,
                        "/inspect/entities/" + PageFrame.segment(id),
                        new InspectorPage.EntityCredit(
                                entity.join(), rating.join(), series.join(), events.join(), commitments.join())));
        respond(ctx, lang, page);
    }

    /** The score just after each event (the ledger rates as of any instant), then now. */
    private CompletableFuture<List<ScoreChart.Point>> series(
            Member who, String entity, List<JsonNode> events, JsonNode now) {
        List<String> instants = events.stream()
                .map(event -> Field.of(event, "occurredAt"))
                .filter(at -> !at.isEmpty())
                .distinct()
                .sorted()
                .toList();
        if (instants.size() > MAX_SERIES) {
            instants = instants.subList(instants.size() - MAX_SERIES, instants.size());
        }
        List<CompletableFuture<ScoreChart.Point>> points = new ArrayList<>();
        for (String at : instants) {
            points.add(contracts
                    .credit()
                    .rating(who, entity, at)
                    .thenApply(r -> new ScoreChart.Point(
                            Instant.parse(at), r.tree().path("score").asInt())));
        }
        return CompletableFuture.allOf(points.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ScoreChart.Point> series =
                    new ArrayList<>(points.stream().map(CompletableFuture::join).toList());
            String nowAt = Field.of(now, "at");
            if (!nowAt.isEmpty()) {
                series.add(new ScoreChart.Point(
                        Instant.parse(nowAt), now.path("score").asInt()));
            }
            return series;
        });
    }

    /** Every item of a paged listing (pageSize 100, following bookmarks), bounded. */
    private static <T> CompletableFuture<List<JsonNode>> items(
            Function<Listing, CompletableFuture<Answer<Page<T>>>> listing) {
        return Listings.pages(listing, PAGE_SIZE, MAX_PAGES).thenApply(pages -> {
            List<JsonNode> items = new ArrayList<>();
            pages.forEach(page -> page.tree().path("items").forEach(items::add));
            return items;
        });
    }

    /** The answer's tree, or null for an answer that is absent. */
    private static JsonNode tree(Answer<?> answer) {
        return answer == null ? null : answer.tree();
    }

    /** The sign-in page, with the CSRF token its forms post; its own POSTs carry this origin. */
    private void loginPage(RoutingContext ctx, int status, String next, boolean failed) {
        String csrf = guard.tokenFor(ctx);
        String signedInAs = session(ctx)
                .map(m -> m.mspId() + " · "
                        + m.certificate().getSubjectX500Principal().getName())
                .orElse(null);
        // The site-wide no-referrer would make the browser send "Origin: null" with the form.
        html(ctx, status, LoginPage.render(lang(ctx), next, failed, signedInAs, csrf), "same-origin");
    }

    private void login(RoutingContext ctx) {
        Lang lang = lang(ctx);
        Map<String, String> form = FormFields.of(ctx);
        guard.check(ctx, form);
        String token = form.getOrDefault("token", "").trim();
        String next = form.get("next");
        Optional<String> session = sessions.open(token);
        if (session.isEmpty()) {
            loginPage(ctx, 401, next, true);
            return;
        }
        // A new id at every sign-in (no session fixation); the one the browser held ends.
        Cookie previous = ctx.request().getCookie(SESSION_COOKIE);
        if (previous != null) {
            sessions.close(previous.getValue());
        }
        ctx.response()
                .addCookie(guard.cookie(SESSION_COOKIE, session.get()).setMaxAge(WebSessions.LIFETIME.toSeconds()));
        // Only our own inspector pages are valid destinations: no open redirect.
        String target = next != null
                        && (next.matches("/inspect/entities/[A-Za-z0-9%._:-]{1,200}")
                                || next.equals(DashboardPage.PATH))
                ? next
                : "/login";
        redirect(ctx, PageFrame.link(target, Map.of(), lang));
    }

    private Optional<Member> session(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        return cookie == null ? Optional.empty() : sessions.member(cookie.getValue());
    }

    private void respond(RoutingContext ctx, Lang lang, CompletableFuture<String> page) {
        Future.fromCompletionStage(page, ctx.vertx().getOrCreateContext())
                .onSuccess(body -> html(ctx, 200, body))
                .onFailure(failure -> {
                    CodedFailure problem = unwrap(failure);
                    // One mapping of codes to statuses for the API and the pages alike.
                    int status = HttpStatuses.of(problem.code());
                    if (problem.code() == ApiCode.INTERNAL) {
                        LOG.log(System.Logger.Level.ERROR, "a page could not be built", failure);
                    }
                    Text title = switch (problem.code()) {
                        case NOT_FOUND -> Text.NOT_FOUND;
                        case FORBIDDEN -> Text.FORBIDDEN;
                        default -> Text.PROBLEM;
                    };
                    html(
                            ctx,
                            status,
                            ProblemPage.render(lang, title, problem.code().name(), problem.getMessage()));
                });
    }

    private static CodedFailure unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof CodedFailure e ? e : ApiFailure.of(ApiCode.INTERNAL, "the page could not be built");
    }

    private static String problem(CodedFailure e) {
        return e.code().name() + ": " + e.getMessage();
    }

    static void html(RoutingContext ctx, int status, String body) {
        html(ctx, status, body, "no-referrer");
    }

    private static void html(RoutingContext ctx, int status, String body, String referrerPolicy) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", referrerPolicy)
                .end(body);
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader("Location", location).end();
    }

    private static Lang lang(RoutingContext ctx) {
        return Lang.of(ctx.queryParams().get("lang"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
