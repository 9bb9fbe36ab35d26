package org.metroledger.gateway.http;

import java.util.List;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.identity.Member;

/**
 * Every route group of the gateway, in one place, each handed what it uses of the services built
 * at start.
 */
public final class GatewayRoutes {
    private GatewayRoutes() {}

    public static List<RouteGroup> all(GatewayServices services) {
        Contracts contracts = services.contracts();
        Member reader = services.publicReader();
        return List.of(
                new OperationRoutes(services.ledger(), services.metrics()),
                new RegistryRoutes(services),
                new CertificateRoutes(contracts, reader),
                new CreditRoutes(contracts, reader),
                new IndicatorRoutes(contracts.indicators(), reader),
                new RecognitionRoutes(contracts.recognitions(), reader),
                new DrawRoutes(contracts.inspections(), reader),
                new CatalogueRoutes(contracts, reader),
                new NoticeRoutes(contracts, services.members(), services.webhooks()),
                new LedgerRoutes(contracts),
                new DccRoutes(services.dcc(), contracts.registry(), reader),
                new ConsumerRoutes(services));
    }
}
