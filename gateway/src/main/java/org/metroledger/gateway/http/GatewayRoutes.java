package org.metroledger.gateway.http;

import java.util.List;

/**
 * Every route group of the gateway, in one place. Paths owned by groups still to come, and
 * reserved for them: {@code /v/{token}}, {@code /api/v1/verifications},
 * {@code /api/v1/certificates/{id}/qr.png|qr.svg}, {@code /api/v1/trust-list}.
 */
public final class GatewayRoutes {
    private GatewayRoutes() {}

    public static List<RouteGroup> all() {
        return List.of(
                new OperationRoutes(),
                new RegistryRoutes(),
                new CertificateRoutes(),
                new CreditRoutes(),
                new RecognitionRoutes(),
                new DrawRoutes(),
                new LedgerRoutes(),
                new DccRoutes());
    }
}
