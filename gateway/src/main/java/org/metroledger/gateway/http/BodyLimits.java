package org.metroledger.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;

/** Reads request bodies up to 1 MiB, more only where a route asked for it; beyond: 413. */
final class BodyLimits implements Handler<RoutingContext> {
    static final long JSON_BODY_BYTES = 1L << 20;
    static final long LARGE_BODY_BYTES = 16L << 20;

    private final BodyHandler json = BodyHandler.create(false).setBodyLimit(JSON_BODY_BYTES);
    private final BodyHandler large = BodyHandler.create(false).setBodyLimit(LARGE_BODY_BYTES);
    private final Set<String> largeBodyPaths;

    BodyLimits(Set<String> largeBodyPaths) {
        this.largeBodyPaths = largeBodyPaths;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (largeBodyPaths.contains(ctx.normalizedPath())) {
            large.handle(ctx);
        } else {
            json.handle(ctx);
        }
    }
}
