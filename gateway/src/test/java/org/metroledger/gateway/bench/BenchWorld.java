package org.metroledger.gateway.bench;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.e2e.CertificateRequests;
import org.metroledger.gateway.e2e.HttpWorld;
import org.metroledger.gateway.e2e.Namespace;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.gateway.ledger.embedded.Registry;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.Member;

/**
 * The benchmark's world, written through the contracts as the demo's is: a region, a lab, a market
 * entity, a calibration chain PRIMARY → REFERENCE → WORKING standard, and instruments each verified
 * by a certificate citing the working standard (three links to the root). Also signs, ahead of the
 * clock, the certificates a lab would send for issuance.
 */
final class BenchWorld {
    private static final String NORTH = IdentityStore.NORTH;

    private final Ledger ledger;
    /** Every id of the world is in it, so that a run can go on a ledger that earlier runs wrote. */
    private final Namespace ns;

    private final String category;
    private final String lab;
    private final String labUser;
    private final Member admin;
    private final Member operator;
    private final KeyPair labKey = CertificateAuthority.newKeyPair();
    private final Instant now;
    private final String entity;
    private final int instruments;

    /** The lab operator's bearer token. */
    final String labToken;

    private BenchWorld(
            Ledger ledger, IdentityStore identities, TokenBook tokens, int instruments, Instant now, Namespace ns) {
        this.ledger = ledger;
        this.ns = ns;
        this.instruments = instruments;
        // Midnight: the certificate requests perform at T00 and issue at T03 of a day.
        this.now = now.truncatedTo(ChronoUnit.DAYS);
        this.category = ns.id("fuel-dispenser");
        this.lab = ns.id("lab-bench");
        this.entity = ns.creditCode(HttpWorld.BEIJING, 1);
        this.labUser = "operator@" + lab;
        this.admin = identities.findOrIssue(NORTH, "admin@north", NodeOu.ADMIN);
        this.operator = identities.findOrIssue(NORTH, labUser, NodeOu.CLIENT);
        this.labToken = tokens.issue(NORTH, labUser);
    }

    /**
     * Builds the world, registering North's region unless the ledger has it; {@code instruments}
     * verified instruments.
     */
    static BenchWorld build(
            Ledger ledger, IdentityStore identities, TokenBook tokens, int instruments, Instant now, Namespace ns) {
        BenchWorld world = new BenchWorld(ledger, identities, tokens, instruments, now, ns);
        world.build();
        return world;
    }

    /** The lab operator, who signs the issuances. */
    Member operator() {
        return operator;
    }

    /** A centre admin of North, who may write the probe. */
    Member admin() {
        return admin;
    }

    /** The ids of the instruments' certificates, every one VALID. */
    List<String> certificateIds() {
        return IntStream.range(0, instruments).mapToObj(this::certificateId).toList();
    }

    /**
     * Signed issuance requests for the instruments, {@code count} of them with fresh ids, signed on
     * both cores before the clock starts.
     */
    List<String> signedIssuances(String prefix, int count) {
        return IntStream.range(0, count)
                .parallel()
                .mapToObj(n -> signed(verification(
                        ns.id(prefix + n), instrumentId(n % instruments), days(-20), days(345), workingLink())))
                .toList();
    }

    private void build() {
        if (!regionRegistered()) {
            submit(admin, "registry:RegisterRegion", Map.of("name", "华北", "provinces", List.of("北京")));
        }
        Map<String, Object> accreditation = Map.of(
                "body", "CNAS",
                "number", "CNAS L0001",
                "validFrom", days(-1000).toString(),
                "validUntil", days(1000).toString(),
                "scope",
                        List.of(Map.of(
                                "category",
                                category,
                                "quantity",
                                "volume",
                                "range",
                                "0-100 L",
                                "cmcUncertainty",
                                "0.1 %")));
        submit(
                admin,
                "registry:RegisterLab",
                Map.of(
                        "id",
                        lab,
                        "name",
                        "Bench lab",
                        "accreditation",
                        accreditation,
                        "publicKey",
                        LabSignature.pem(labKey.getPublic())));
        submit(
                admin,
                "registry:RegisterEntity",
                Map.of("id", entity, "name", "Bench station", "province", "北京", "category", "FUEL_STATION"));
        submit(
                admin,
                "registry:RegisterParticipant",
                Map.of(
                        "id",
                        ns.id("operator.lab-bench"),
                        "certificate",
                        operator.certificatePem(),
                        "role",
                        "LAB",
                        "name",
                        labUser,
                        "organisation",
                        lab));
        submit(
                admin,
                "registry:GrantAuthorisation",
                Map.of(
                        "lab",
                        lab,
                        "category",
                        category,
                        "validFrom",
                        days(-1000).toString(),
                        "validUntil",
                        days(1000).toString()));
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (String level : List.of("PRIMARY", "REFERENCE", "WORKING")) {
            pending.add(submitAsync(
                    admin,
                    "registry:RegisterStandard",
                    Map.of(
                            "id",
                            standard(level),
                            "holder",
                            lab,
                            "description",
                            level,
                            "level",
                            level,
                            "category",
                            category)));
        }
        for (int i = 0; i < instruments; i++) {
            pending.add(submitAsync(admin, "registry:RegisterInstrument", instrument(instrumentId(i))));
        }
        awaitAll(pending);
        issue(calibration(calibration("PRIMARY"), standard("PRIMARY"), days(-29), List.of()));
        issue(calibration(
                calibration("REFERENCE"),
                standard("REFERENCE"),
                days(-28),
                List.of(CertificateRequests.link(standard("PRIMARY"), calibration("PRIMARY")))));
        issue(calibration(
                calibration("WORKING"),
                standard("WORKING"),
                days(-27),
                List.of(CertificateRequests.link(standard("REFERENCE"), calibration("REFERENCE")))));
        awaitAll(IntStream.range(0, instruments)
                .mapToObj(i -> submitAsync(
                        operator,
                        "certificate:Issue",
                        signed(verification(certificateId(i), instrumentId(i), days(-25), days(335), workingLink()))))
                .toList());
    }

    private boolean regionRegistered() {
        try {
            ledger.evaluate(admin, "registry:GetRegion", List.of(Canonical.json(Map.of("id", NORTH))))
                    .join();
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof LedgerException refused && refused.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private String standard(String level) {
        return ns.id("STD-" + level);
    }

    private String calibration(String level) {
        return ns.id("CAL-" + level);
    }

    private String instrumentId(int n) {
        return ns.id(String.format("INS-%04d", n));
    }

    private String certificateId(int n) {
        return ns.id(String.format("VC-%04d", n));
    }

    private List<Map<String, String>> workingLink() {
        return List.of(CertificateRequests.link(standard("WORKING"), calibration("WORKING")));
    }

    private Map<String, Object> instrument(String id) {
        return HttpWorld.instrumentRegistration(id, entity, category);
    }

    private Map<String, Object> verification(
            String id, String instrument, Instant performed, Instant validUntil, List<?> links) {
        Map<String, Object> c = CertificateRequests.verification(id, lab, instrument, performed.toString(), links);
        c.put("validUntil", validUntil.toString());
        return c;
    }

    private Map<String, Object> calibration(String id, String standard, Instant performed, List<?> links) {
        Map<String, Object> c = CertificateRequests.primaryCalibration(id, lab, standard, performed.toString());
        c.put("validUntil", performed.plus(Duration.ofDays(730)).toString());
        c.put("traceability", links);
        return c;
    }

    private String signed(Map<String, Object> request) {
        return CertificateRequests.signed(labKey.getPrivate(), request);
    }

    private Instant days(long offset) {
        return now.plus(Duration.ofDays(offset));
    }

    private void issue(Map<String, Object> certificate) {
        submit(operator, "certificate:Issue", signed(certificate));
    }

    private void submit(Member who, String function, Object request) {
        Registry.await(submitAsync(who, function, request));
    }

    private CompletableFuture<?> submitAsync(Member who, String function, Object request) {
        String json = request instanceof String s ? s : Canonical.json(request);
        return ledger.submit(who, function, List.of(json));
    }

    private static void awaitAll(List<? extends CompletableFuture<?>> futures) {
        futures.forEach(Registry::await);
    }
}
