package org.metroledger.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Credit;
import org.metroledger.gateway.contracts.Notices;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerEvent;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * Committed chaincode events as server-sent events. Each event's id is its position on the ledger,
 * {@code <block>.<index of the event within the block>}, so a client that reconnects with
 * {@code Last-Event-ID} resumes right after the last event it saw. Credit events reach only
 * callers the chaincode lets read that event ({@code credit:GetEvent}): the same inspectors, centre
 * admins and the entity itself who may read the credit history; overdue notices only those
 * {@code notice:Get} lets read them (the region's inspectors and centre admins, the owner).
 */
final class EventStream implements Handler<RoutingContext> {
    private static final System.Logger LOG = System.getLogger(EventStream.class.getName());
    static final long HEARTBEAT_MILLIS = 15_000;
    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("[0-9]{1,15}\\.[0-9]{1,9}");

    /** Events whose record only some may read: credit events, as credit:GetEvent decides. */
    private static final Set<String> RESTRICTED = Set.of("CreditEventRecorded", "CreditEventRepaired");
    /** Overdue notices name instruments: only those notice:Get lets read them see them. */
    private static final Set<String> NOTICES = Set.of("InstrumentOverdue");

    private final Ledger ledger;
    private final Credit credit;
    private final Notices notices;
    private final StreamQuota quota;

    EventStream(Contracts contracts, StreamQuota.Limits limits) {
        this.ledger = contracts.ledger();
        this.credit = contracts.credit();
        this.notices = contracts.notices();
        this.quota = new StreamQuota(limits);
    }

    /** Where an event sits on the ledger; orders events in commit order. */
    record Position(long block, int index) {
        static Position parse(String text) {
            int dot = text.indexOf('.');
            return new Position(Long.parseLong(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        }

        boolean after(Position other) {
            return block > other.block || (block == other.block && index > other.index);
        }

        @Override
        public String toString() {
            return block + "." + index;
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        if (lastEventId != null && !POSITION.matcher(lastEventId).matches()) {
            throw ApiFailure.invalid("Last-Event-ID", "must be <block>.<index> as sent in an event's id");
        }
        Position seen = lastEventId == null ? null : Position.parse(lastEventId);
        if (seen != null && seen.block() > ledger.height()) {
            // No client saw an event there: waiting for it would leave the stream silent for ever.
            throw ApiFailure.invalid(
                    "Last-Event-ID", "names block " + seen.block() + " beyond the ledger's height " + ledger.height());
        }
        long fromBlock = seen == null ? ledger.height() : seen.block();
        Member caller = BearerAuthentication.caller(ctx);
        boolean head = ctx.request().method() == HttpMethod.HEAD;
        // Taken before the stream's head is written, so a refusal is a plain error answer.
        StreamQuota.Lease lease = head
                ? null
                : quota.open(
                        ctx.request().connection(),
                        caller.mspId() + "/"
                                + caller.certificate().getSubjectX500Principal().getName());
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("X-Accel-Buffering", "no");
        if (head) {
            // A stream's head, and no subscription for a body that would never be sent.
            response.end();
            return;
        }
        response.write(": events from block " + fromBlock + "\n\n");
        Context context = ctx.vertx().getOrCreateContext();
        Numbering numbering = new Numbering();
        Delivery delivery = new Delivery(caller, response, context);
        AutoCloseable subscription;
        try {
            subscription = ledger.onEvents(fromBlock, event -> {
                Position position = numbering.next(event.blockNumber());
                if (seen == null || position.after(seen)) {
                    context.runOnContext(v -> delivery.enqueue(position, event));
                }
            });
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        long heartbeat = ctx.vertx().setPeriodic(HEARTBEAT_MILLIS, id -> {
            if (!response.closed()) {
                response.write(":\n\n");
            }
        });
        response.closeHandler(v -> {
            lease.close();
            ctx.vertx().cancelTimer(heartbeat);
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "cannot close an event subscription", e);
            }
        });
    }

    /**
     * Sends one subscriber its events in ledger order. A restricted event waits for the chaincode's
     * answer on whether this caller may read it, and the events after it wait in line behind it.
     * Runs on the request's context only.
     */
    private final class Delivery {
        private final Member caller;
        private final HttpServerResponse response;
        private final Context context;
        private Future<Void> tail = Future.succeededFuture();

        Delivery(Member caller, HttpServerResponse response, Context context) {
            this.caller = caller;
            this.response = response;
            this.context = context;
        }

        void enqueue(Position position, LedgerEvent event) {
            tail = tail.compose(v -> mayRead(event)).map(allowed -> {
                if (allowed) {
                    send(response, position, event);
                }
                return null;
            });
        }

        private Future<Boolean> mayRead(LedgerEvent event) {
            if (!(RESTRICTED.contains(event.name()) || NOTICES.contains(event.name())) || response.closed()) {
                return Future.succeededFuture(true);
            }
            String id;
            try {
                id = new JsonObject(event.payload()).getString("id");
            } catch (DecodeException e) {
                LOG.log(
                        Level.WARNING,
                        "withholding " + event.name() + " of tx " + event.txId() + ": no JSON record",
                        e);
                return Future.succeededFuture(false);
            }
            CompletableFuture<?> read =
                    NOTICES.contains(event.name()) ? notices.get(caller, id) : credit.getEvent(caller, id);
            return Future.fromCompletionStage(read, context).map(answer -> true).recover(failure -> {
                // Withheld whatever the reason: FORBIDDEN is the expected one, anything else is logged.
                if (!(failure instanceof LedgerException refused && refused.code() == ApiCode.FORBIDDEN)) {
                    LOG.log(Level.WARNING, "withholding " + event.name() + " of tx " + event.txId(), failure);
                }
                return Future.succeededFuture(false);
            });
        }
    }

    private static void send(HttpServerResponse response, Position position, LedgerEvent event) {
        if (response.closed()) {
            return;
        }
        if (response.writeQueueFull()) {
            // A client this far behind reconnects with Last-Event-ID and loses nothing.
            response.reset();
            return;
        }
        String data = "{\"name\":" + Json.encode(event.name()) + ",\"txId\":" + Json.encode(event.txId())
                + ",\"blockNumber\":" + event.blockNumber() + ",\"record\":" + oneLine(event.payload()) + "}";
        response.write("id: " + position + "\nevent: " + event.name() + "\ndata: " + data + "\n\n");
    }

    /** SSE data must not span lines; the chaincode's canonical JSON never does, but be sure. */
    private static String oneLine(String payload) {
        if (payload.indexOf('\n') < 0 && payload.indexOf('\r') < 0 && !payload.isEmpty()) {
            return payload;
        }
        try {
            return Json.encode(Json.decodeValue(payload));
        } catch (DecodeException e) {
            return Json.encode(payload);
        }
    }

    /** Numbers events within their block, in the order the ledger delivers them. */
    private static final class Numbering {
        private long block = -1;
        private int index;

        synchronized Position next(long eventBlock) {
            if (eventBlock != block) {
                block = eventBlock;
                index = 0;
            }
            return new Position(block, index++);
        }
    }
}
