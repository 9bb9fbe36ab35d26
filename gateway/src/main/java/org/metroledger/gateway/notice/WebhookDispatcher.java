package org.metroledger.gateway.notice;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerEvent;

/**
 * Delivers the ledger's notice events ({@code CertificateExpiring}, {@code InstrumentOverdue}) to
 * the webhooks that want them, from the block after the last one handed out (or the ledger's
 * height, the first time). Each delivery is a POST of {@code {"event", "notice", "txId",
 * "blockNumber"}} with headers {@code X-MetroLedger-Event}, {@code X-MetroLedger-Delivery} (the same
 * for every attempt), {@code X-MetroLedger-Timestamp} (Unix seconds) and {@code
 * X-MetroLedger-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. A 2xx answer
 * delivers it; anything else is retried after 1, 2, 4, 8 ... times {@code firstRetry}, at most
 * {@code attempts} attempts in all; every attempt is recorded.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    static final Set<String> EVENTS = Set.of("CertificateExpiring", "InstrumentOverdue");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final WebhookBook book;
    private final Duration firstRetry;
    private final int attempts;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final AutoCloseable subscription;

    public WebhookDispatcher(
            Vertx vertx, Ledger ledger, WebhookBook book, Duration firstRetry, int attempts, Clock clock) {
        this.vertx = vertx;
        this.book = book;
        this.firstRetry = firstRetry;
        this.attempts = attempts;
        this.clock = clock;
        long from = book.cursor().isPresent() ? book.cursor().getAsLong() + 1 : ledger.height();
        this.subscription = ledger.onEvents(from, this::handle);
    }

    private void handle(LedgerEvent event) {
        if (EVENTS.contains(event.name())) {
            JsonObject notice;
            try {
                notice = new JsonObject(event.payload());
            } catch (DecodeException e) {
                LOG.log(Level.WARNING, "a " + event.name() + " event of tx " + event.txId() + " holds no JSON", e);
                return;
            }
            String body = new JsonObject()
                    .put("event", event.name())
                    .put("notice", notice)
                    .put("txId", event.txId())
                    .put("blockNumber", event.blockNumber())
                    .encode();
            for (Webhook hook : book.all()) {
                if (hook.wants(notice.getString("entity"), notice.getString("region"))) {
                    attempt(hook, event.name(), notice.getString("id"), body, 1);
                }
            }
        }
        book.cursor(event.blockNumber());
    }

    private void attempt(Webhook hook, String event, String noticeId, String body, int attempt) {
        String delivery = hook.id() + ":" + noticeId;
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(hook.url()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("X-MetroLedger-Event", event)
                    .header("X-MetroLedger-Delivery", delivery)
                    .header("X-MetroLedger-Timestamp", timestamp)
                    .header("X-MetroLedger-Signature", "sha256=" + signature(hook.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            record(hook, delivery, noticeId, event, attempt, 0, false, "bad url: " + e.getMessage(), null);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = response == null ? 0 : response.statusCode();
            boolean delivered = failure == null && status / 100 == 2;
            if (delivered) {
                record(hook, delivery, noticeId, event, attempt, status, true, null, null);
                return;
            }
            String error = failure != null ? String.valueOf(failure.getMessage()) : "answered " + status;
            if (attempt >= attempts) {
                record(hook, delivery, noticeId, event, attempt, status, false, error, null);
                return;
            }
            Duration wait = firstRetry.multipliedBy(1L << (attempt - 1));
            record(
                    hook,
                    delivery,
                    noticeId,
                    event,
                    attempt,
                    status,
                    false,
                    error,
                    clock.instant().plus(wait).toString());
            vertx.setTimer(Math.max(1, wait.toMillis()), id -> attempt(hook, event, noticeId, body, attempt + 1));
        });
    }

    private void record(
            Webhook hook,
            String delivery,
            String noticeId,
            String event,
            int attempt,
            int status,
            boolean delivered,
            String error,
            String next) {
        book.record(new Delivery(
                delivery,
                hook.id(),
                noticeId,
                event,
                attempt,
                clock.instant().toString(),
                status,
                delivered,
                error,
                next));
    }

    /** Hex HMAC-SHA256 under the secret's UTF-8 bytes of {@code timestamp + "." + body}. */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot close the notice subscription", e);
        }
    }
}
