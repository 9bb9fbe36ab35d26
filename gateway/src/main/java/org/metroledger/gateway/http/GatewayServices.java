package org.metroledger.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.metroledger.gateway.auth.MemberDirectory;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.dcc.DccCertificates;
import org.metroledger.gateway.dcc.DccTrustStore;
import org.metroledger.gateway.document.DocumentStore;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.notice.WebhookBook;
import org.metroledger.gateway.qr.CertificateTokens;
import org.metroledger.gateway.qr.LabKeyring;
import org.metroledger.gateway.qr.LedgerTrustList;
import org.metroledger.gateway.qr.QrVerification;
import org.metroledger.gateway.qr.TokenShelf;

/**
 * What the HTTP service answers from, built once at start: the ledger and the contracts client
 * over it, the identities, and the services kept in the data directory (DCC documents and trust
 * store, QR tokens, the demo labs' keys). Route groups are handed what they use of it.
 */
public final class GatewayServices {
    /** Where the operator puts the root (and intermediate) certificates of trusted DCC signers. */
    public static final String DCC_TRUST_DIRECTORY = "dcc-trust";

    private final Ledger ledger;
    private final TokenBook tokens;
    private final IdentityStore wallet;
    private final Member publicReader;
    private final PrometheusMeterRegistry metrics;
    private final String publicBaseUrl;
    private final Contracts contracts;
    private final DccCertificates dcc;
    private final LedgerTrustList trustList;
    private final CertificateTokens qrTokens;
    private final QrVerification qrVerification;
    private final WebhookBook webhooks;

    /**
     * The services as serve runs them: the bearer tokens of {@code dataDir}, and the gateway's own
     * member of NorthMSP in {@code wallet} as the public reader.
     */
    public static GatewayServices open(
            Ledger ledger, IdentityStore wallet, PrometheusMeterRegistry metrics, String publicBaseUrl, Path dataDir) {
        return new GatewayServices(
                ledger,
                TokenBook.open(dataDir),
                wallet,
                wallet.findOrIssue(IdentityStore.NORTH, "gateway", NodeOu.CLIENT),
                metrics,
                publicBaseUrl,
                dataDir);
    }

    /**
     * @param publicReader the gateway's own identity, which evaluates the public (token-less) reads
     * @param metrics the registry Vert.x records into, scraped at /metrics
     * @param publicBaseUrl where consumers reach this gateway, for links in QR codes and pages
     * @param dataDir the gateway's data directory (DCC documents and trust store, QR tokens, demo lab keys)
     */
    public GatewayServices(
            Ledger ledger,
            TokenBook tokens,
            IdentityStore wallet,
            Member publicReader,
            PrometheusMeterRegistry metrics,
            String publicBaseUrl,
            Path dataDir) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.publicReader = Objects.requireNonNull(publicReader, "publicReader");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        this.contracts = new Contracts(ledger);
        LabKeyring keyring = LabKeyring.in(dataDir);
        this.dcc = new DccCertificates(
                contracts,
                new DocumentStore(dataDir),
                DccTrustStore.in(dataDir.resolve(DCC_TRUST_DIRECTORY), Clock.systemUTC())::verifierFor,
                keyring::key);
        this.trustList = new LedgerTrustList(contracts, publicReader, Clock.systemUTC());
        this.qrTokens = new CertificateTokens(contracts, publicReader, TokenShelf.in(dataDir), keyring, trustList);
        this.qrVerification = new QrVerification(contracts, publicReader, trustList, qrTokens);
        this.webhooks = WebhookBook.open(dataDir);
    }

    public Ledger ledger() {
        return ledger;
    }

    public TokenBook tokens() {
        return tokens;
    }

    public IdentityStore wallet() {
        return wallet;
    }

    /** The gateway's own identity, which evaluates the public (token-less) reads. */
    public Member publicReader() {
        return publicReader;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** Where consumers reach this gateway, for links in QR codes and pages. */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    /** The webhooks registered with this gateway and their deliveries. */
    public WebhookBook webhooks() {
        return webhooks;
    }

    /** The wallet's members by name, as tokens and sessions name them. */
    public MemberDirectory members() {
        return wallet::find;
    }

    /** The contracts, as everything here calls the ledger. */
    public Contracts contracts() {
        return contracts;
    }

    /** DCC import and export, with the documents and trust store of the data directory. */
    public DccCertificates dcc() {
        return dcc;
    }

    public LedgerTrustList trustList() {
        return trustList;
    }

    /** The certificates' QR tokens, kept in the data directory. */
    public CertificateTokens qrTokens() {
        return qrTokens;
    }

    public QrVerification qrVerification() {
        return qrVerification;
    }
}
