package org.metroledger.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Objects;
import org.metroledger.gateway.auth.MemberDirectory;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/**
 * What the HTTP service answers from.
 *
 * @param publicReader the gateway's own identity, which evaluates the public (token-less) reads
 * @param metrics the registry Vert.x records into, scraped at /metrics
 * @param publicBaseUrl where consumers reach this gateway, for links in QR codes and pages
 * @param dataDir the gateway's data directory (QR tokens kept, demo lab keys)
 */
public record GatewayServices(
        Ledger ledger,
        TokenBook tokens,
        IdentityStore wallet,
        Member publicReader,
        PrometheusMeterRegistry metrics,
        String publicBaseUrl,
        Path dataDir) {
    public GatewayServices {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(publicReader, "publicReader");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The wallet's members by name, as tokens and sessions name them. */
    public MemberDirectory members() {
        return wallet::find;
    }
}
