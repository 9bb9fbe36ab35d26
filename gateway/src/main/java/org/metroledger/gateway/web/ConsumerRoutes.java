package org.metroledger.gateway.web;

import java.time.Clock;
import org.metroledger.gateway.http.Api;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.RouteGroup;
import org.metroledger.gateway.qr.CertificateLabel;
import org.metroledger.gateway.qr.CertificateTokens;
import org.metroledger.gateway.qr.LabKeyring;
import org.metroledger.gateway.qr.LedgerTrustList;
import org.metroledger.gateway.qr.QrEndpoints;
import org.metroledger.gateway.qr.QrVerification;
import org.metroledger.gateway.qr.TokenShelf;

/** The consumer's side: QR verification, trust list, QR images, labels, and the web pages. */
public final class ConsumerRoutes implements RouteGroup {
    @Override
    public void register(Api api) {
        GatewayServices services = api.services();
        LedgerTrustList trustList = new LedgerTrustList(api.contracts(), services.publicReader(), Clock.systemUTC());
        CertificateTokens tokens = new CertificateTokens(
                api.contracts(),
                services.publicReader(),
                TokenShelf.in(services.dataDir()),
                LabKeyring.in(services.dataDir()),
                trustList);
        QrVerification verification = new QrVerification(api.contracts(), services.publicReader(), trustList, tokens);
        QrEndpoints endpoints = new QrEndpoints(
                api.vertx(),
                services.publicBaseUrl(),
                trustList,
                tokens,
                verification,
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
                        api.contracts(),
                        services.publicReader(),
                        verification,
                        services.tokens(),
                        services.members(),
                        services.publicBaseUrl())
                .mount(api.router());
    }
}
