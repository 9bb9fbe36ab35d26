package org.metroledger.gateway.http;

/**
 * The endpoints of one area (registry, certificates, credit, ...). Each binds handlers to the
 * operation ids of {@code openapi.json}; {@link GatewayRoutes} lists every group.
 */
@FunctionalInterface
public interface RouteGroup {
    void register(Api api);
}
