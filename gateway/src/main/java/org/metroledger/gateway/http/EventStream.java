package org.metroledger.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerEvent;

/**
 * Committed chaincode events as server-sent events. Each event's id is its position on the ledger,
 * {@code <block>.<index of the event within the block>}, so a client that reconnects with
 * {@code Last-Event-ID} resumes right after the last event it saw.
 */
final class EventStream implements Handler<RoutingContext> {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("[0-9]{1,15}\\.[0-9]{1,9}");

    private final Ledger ledger;

    EventStream(Ledger ledger) {
        this.ledger = ledger;
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
        long fromBlock = seen == null ? ledger.height() : seen.block();
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": events from block " + fromBlock + "\n\n");
        Context context = ctx.vertx().getOrCreateContext();
        Numbering numbering = new Numbering();
        AutoCloseable subscription = ledger.onEvents(fromBlock, event -> {
            Position position = numbering.next(event.blockNumber());
            if (seen == null || position.after(seen)) {
                context.runOnContext(v -> send(response, position, event));
            }
        });
        long heartbeat = ctx.vertx().setPeriodic(HEARTBEAT_MILLIS, id -> {
            if (!response.closed()) {
                response.write(":\n\n");
            }
        });
        response.closeHandler(v -> {
            ctx.vertx().cancelTimer(heartbeat);
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "cannot close an event subscription", e);
            }
        });
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
