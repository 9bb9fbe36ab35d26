package org.metroledger.gateway.http;

import java.util.List;
import org.metroledger.gateway.web.ConsumerRoutes;

/** Every route group of the gateway, in one place. */
public final class GatewayRoutes {
    private GatewayRoutes() {}

    public static List<RouteGroup> all() {
        return List.of(
                new OperationRoutes(),
                new RegistryRoutes(),
                new CertificateRoutes(),
                new CreditRoutes(),
                new IndicatorRoutes(),
                new RecognitionRoutes(),
                new DrawRoutes(),
                new CatalogueRoutes(),
                new LedgerRoutes(),
                new DccRoutes(),
                new ConsumerRoutes());
    }
}
