package org.metroledger.gateway.http;

import org.metroledger.gateway.qr.CertificateLabel;
import org.metroledger.gateway.qr.QrEndpoints;
import org.metroledger.gateway.web.WebPages;

/** The consumer's side: QR verification, trust list, QR images, labels, and the web pages. */
public final class ConsumerRoutes implements RouteGroup {
    private final GatewayServices services;

    /** Over the services' contracts client, trust list, QR tokens and verification, tokens and sessions. */
    public ConsumerRoutes(GatewayServices services) {
        this.services = services;
    }

    @Override
    public void register(Api api) {
        QrEndpoints endpoints = new QrEndpoints(
                api.vertx(),
                services.publicBaseUrl(),
                services.trustList(),
                services.qrTokens(),
                services.qrVerification(),
                CertificateLabel.withSystemFonts());
        api.on("verifyToken", endpoints::verify);
        api.on("trustList", endpoints::trustList);
        api.on("certificateQrPng", endpoints::png);
        api.on("certificateQrSvg", endpoints::svg);
        api.on("certificateLabel", endpoints::label);
        api.on("registerQrToken", ctx -> {
            // Any participant may hand in a token: it is kept only if the lab's signature holds
            // and it says what the ledger says, so who delivers it does not matter.
            endpoints.register(ctx);
        });
        new WebPages(
                        services.contracts(),
                        services.publicReader(),
                        services.qrVerification(),
                        services.tokens(),
                        services.members(),
                        services.publicBaseUrl(),
                        parameter -> CatalogueRoutes.search(services.contracts(), services.publicReader(), parameter))
                .mount(api.router());
    }
}
