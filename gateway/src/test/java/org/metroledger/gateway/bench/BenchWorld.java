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
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.e2e.CertificateRequests;
import org.metroledger.gateway.e2e.HttpWorld;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.Ledger;
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
    static final String CATEGORY = "fuel-dispenser";
    static final String LAB = "lab-bench";
    static final String LAB_USER = "operator@lab-bench";
    private static final String NORTH = IdentityStore.NORTH;

    private final Ledger ledger;
    private final Member admin;
    private final Member operator;
    private final KeyPair labKey = CertificateAuthority.newKeyPair();
    private final Instant now;
    private final String entity = Registry.creditCode(1);
    private final int instruments;

    /** The lab operator's bearer token. */
    final String labToken;

    private BenchWorld(Ledger ledger, IdentityStore identities, TokenBook tokens, int instruments, Instant now) {
        this.ledger = ledger;
        this.instruments = instruments;
        // Midnight: the certificate requests perform at T00 and issue at T03 of a day.
        this.now = now.truncatedTo(ChronoUnit.DAYS);
        this.admin = identities.findOrIssue(NORTH, "admin@north", NodeOu.ADMIN);
        this.operator = identities.findOrIssue(NORTH, LAB_USER, NodeOu.CLIENT);
        this.labToken = tokens.issue(NORTH, LAB_USER);
    }

    /** Builds the world on an empty ledger; {@code instruments} verified instruments. */
    static BenchWorld build(Ledger ledger, IdentityStore identities, TokenBook tokens, int instruments, Instant now) {
        BenchWorld world = new BenchWorld(ledger, identities, tokens, instruments, now);
        world.build();
        return world;
    }

    /** The ids of the instruments' certificates, every one VALID. */
    List<String> certificateIds() {
        return IntStream.range(0, instruments)
                .mapToObj(BenchWorld::certificateId)
                .toList();
    }

    /**
     * Signed issuance requests for the instruments, {@code count} of them with fresh ids, signed on
     * both cores before the clock starts.
     */
    List<String> signedIssuances(String prefix, int count) {
        return IntStream.range(0, count)
                .parallel()
                .mapToObj(n -> signed(
                        verification(prefix + n, instrumentId(n % instruments), days(-20), days(345), workingLink())))
                .toList();
    }

    private void build() {
        submit(admin, "registry:RegisterRegion", Map.of("name", "华北", "provinces", List.of("北京")));
        Map<String, Object> accreditation = Map.of(
                "body", "CNAS",
                "number", "CNAS L0001",
                "validFrom", days(-1000).toString(),
                "validUntil", days(1000).toString(),
                "scope",
                        List.of(Map.of(
                                "category",
                                CATEGORY,
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
                        LAB,
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
                        "operator.lab-bench",
                        "certificate",
                        operator.certificatePem(),
                        "role",
                        "LAB",
                        "name",
                        LAB_USER,
                        "organisation",
                        LAB));
        submit(
                admin,
                "registry:GrantAuthorisation",
                Map.of(
                        "lab",
                        LAB,
                        "category",
                        CATEGORY,
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
                            "STD-" + level,
                            "holder",
                            LAB,
                            "description",
                            level,
                            "level",
                            level,
                            "category",
                            CATEGORY)));
        }
        for (int i = 0; i < instruments; i++) {
            pending.add(submitAsync(admin, "registry:RegisterInstrument", instrument(instrumentId(i))));
        }
        awaitAll(pending);
        issue(calibration("CAL-PRIMARY", "STD-PRIMARY", days(-29), List.of()));
        issue(calibration(
                "CAL-REFERENCE",
                "STD-REFERENCE",
                days(-28),
                List.of(CertificateRequests.link("STD-PRIMARY", "CAL-PRIMARY"))));
        issue(calibration(
                "CAL-WORKING",
                "STD-WORKING",
                days(-27),
                List.of(CertificateRequests.link("STD-REFERENCE", "CAL-REFERENCE"))));
        awaitAll(IntStream.range(0, instruments)
                .mapToObj(i -> submitAsync(
                        operator,
                        "certificate:Issue",
                        signed(verification(certificateId(i), instrumentId(i), days(-25), days(335), workingLink()))))
                .toList());
    }

    private static String instrumentId(int n) {
        return String.format("INS-%04d", n);
    }

    private static String certificateId(int n) {
        return String.format("VC-%04d", n);
    }

    private List<Map<String, String>> workingLink() {
        return List.of(CertificateRequests.link("STD-WORKING", "CAL-WORKING"));
    }

    private Map<String, Object> instrument(String id) {
        return HttpWorld.instrumentRegistration(id, entity, CATEGORY);
    }

    private Map<String, Object> verification(
            String id, String instrument, Instant performed, Instant validUntil, List<?> links) {
        Map<String, Object> c = CertificateRequests.verification(id, LAB, instrument, performed.toString(), links);
        c.put("validUntil", validUntil.toString());
        return c;
    }

    private Map<String, Object> calibration(String id, String standard, Instant performed, List<?> links) {
        Map<String, Object> c = CertificateRequests.primaryCalibration(id, LAB, standard, performed.toString());
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
