package org.metroledger.gateway.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.CreditCode;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.e2e.SettableClock;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.GatewayVerticle;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;
import org.metroledger.gateway.qr.QrPayload;
import org.metroledger.gateway.qr.QrToken;
import org.metroledger.simulation.CertificateAuthority;

/**
 * The gateway on a free loopback port over the simulated ledger, with a lab whose certificates
 * cover every verdict a consumer can meet: valid, revoked, superseded, expired (once the clock
 * moves to {@link #LATER}), and an entity with a commitment and credit events.
 */
final class ConsumerWorld implements AutoCloseable {
    static final Instant EPOCH = Instant.parse("2025-06-01T08:00:00Z");
    static final Instant LATER = Instant.parse("2025-07-01T08:00:00Z");
    static final String LAB = "lab-north-1";
    static final String ENTITY = withCheck("91110000600037341");
    /** The entity's name is hostile on purpose: every page must show it as text. */
    static final String ENTITY_NAME = "加油站 <script>alert(1)</script>";

    static final String CATEGORY = "fuel-dispenser";
    static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    final SettableClock clock = new SettableClock(EPOCH);
    final IdentityStore identities;
    final EmbeddedLedger ledger;
    final KeyPair labKey = CertificateAuthority.newKeyPair();
    final Member northAdmin;
    final Member eastAdmin;
    final Member labOperator;
    final Member inspector;
    final Member owner;
    final String inspectorToken;
    final String ownerToken;
    private final Vertx vertx = Vertx.vertx();
    private final GatewayVerticle verticle;

    ConsumerWorld(Path dataDir) {
        identities = IdentityStore.open(dataDir, clock);
        ledger = EmbeddedLedger.open(dataDir, identities, clock);
        northAdmin = identities.issue(IdentityStore.NORTH, "Admin@north", NodeOu.ADMIN);
        eastAdmin = identities.issue(IdentityStore.EAST, "Admin@east", NodeOu.ADMIN);
        labOperator = identities.issue(IdentityStore.NORTH, "operator@" + LAB, NodeOu.CLIENT);
        inspector = identities.issue(IdentityStore.NORTH, "inspector@north", NodeOu.CLIENT);
        owner = identities.issue(IdentityStore.NORTH, "owner@" + ENTITY, NodeOu.CLIENT);
        Member reader = identities.issue(IdentityStore.NORTH, "gateway@north", NodeOu.CLIENT);
        TokenBook tokens = TokenBook.open(dataDir);
        inspectorToken = tokens.issue(IdentityStore.NORTH, "inspector@north");
        ownerToken = tokens.issue(IdentityStore.NORTH, "owner@" + ENTITY);
        build();
        GatewayServices services = new GatewayServices(
                ledger,
                tokens,
                identities,
                reader,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                "http://127.0.0.1",
                dataDir);
        verticle = new GatewayVerticle(services, "127.0.0.1", 0);
        await(vertx.deployVerticle(verticle));
    }

    String base() {
        return "http://127.0.0.1:" + verticle.actualPort();
    }

    /** The token the lab prints for a certificate, signed with its key over the ledger's fields. */
    String token(String certificateId, String serial, String validUntil) {
        return QrToken.sign(QrPayload.of(certificateId, LAB, serial, validUntil, "PASS", DIGEST), labKey.getPrivate());
    }

    private void build() {
        submit(northAdmin, "registry:RegisterRegion", Map.of("name", "华北", "provinces", List.of("北京")));
        submit(eastAdmin, "registry:RegisterRegion", Map.of("name", "华东", "provinces", List.of("上海")));
        Map<String, Object> accreditation = new LinkedHashMap<>();
        accreditation.put("body", "CNAS");
        accreditation.put("number", "L0042");
        accreditation.put("validFrom", "2020-01-01T00:00:00Z");
        accreditation.put("validUntil", "2030-01-01T00:00:00Z");
        accreditation.put(
                "scope",
                List.of(Map.of(
                        "category", CATEGORY, "quantity", "volume", "range", "0-100 L", "cmcUncertainty", "0.05 %")));
        submit(
                northAdmin,
                "registry:RegisterLab",
                Map.of(
                        "id",
                        LAB,
                        "name",
                        "华北国家计量测试中心",
                        "accreditation",
                        accreditation,
                        "publicKey",
                        LabSignature.pem(labKey.getPublic())));
        participant("p-lab", labOperator, "LAB", LAB);
        submit(
                northAdmin,
                "registry:GrantAuthorisation",
                Map.of(
                        "lab",
                        LAB,
                        "category",
                        CATEGORY,
                        "validFrom",
                        "2020-01-01T00:00:00Z",
                        "validUntil",
                        "2030-01-01T00:00:00Z"));
        participant("p-inspector", inspector, "INSPECTOR", null);
        submit(
                northAdmin,
                "registry:RegisterEntity",
                Map.of("id", ENTITY, "name", ENTITY_NAME, "province", "北京", "category", "FUEL_STATION"));
        participant("p-owner", owner, "ENTITY", ENTITY);
        for (int pump = 1; pump <= 5; pump++) {
            submit(
                    northAdmin,
                    "registry:RegisterInstrument",
                    Map.of(
                            "id",
                            "pump-" + pump,
                            "owner",
                            ENTITY,
                            "type",
                            "加油机",
                            "manufacturer",
                            "Tatsuno",
                            "model",
                            "T-" + pump,
                            "serial",
                            "SN-" + pump,
                            "location",
                            "1号岛 " + pump + "号枪",
                            "mandatory",
                            true,
                            "category",
                            CATEGORY));
        }
        for (String[] standard : new String[][] {{"STD-P", "PRIMARY"}, {"STD-R", "REFERENCE"}, {"STD-W", "WORKING"}}) {
            submit(
                    northAdmin,
                    "registry:RegisterStandard",
                    Map.of(
                            "id",
                            standard[0],
                            "holder",
                            LAB,
                            "description",
                            "标准 " + standard[0],
                            "level",
                            standard[1],
                            "category",
                            CATEGORY));
        }
        // Dated within the back-dating allowance (30 days) of the clock's start.
        issue(calibration("C-P", "STD-P", "2025-05-05"));
        issue(calibration("C-R", "STD-R", "2025-05-10").cites("STD-P", "C-P"));
        issue(calibration("C-W", "STD-W", "2025-05-15").cites("STD-R", "C-R"));
        issue(verification("C-VALID", "pump-1", "2026-05-31T00:00:00Z"));
        issue(verification("C-REVOKED", "pump-2", "2026-05-31T00:00:00Z"));
        submit(labOperator, "certificate:Revoke", Map.of("id", "C-REVOKED", "reason", "量值溯源错误"));
        issue(verification("C-OLD", "pump-3", "2026-05-31T00:00:00Z"));
        submit(
                labOperator,
                "certificate:Supersede",
                signed(verification("C-NEW", "pump-3", "2026-05-31T00:00:00Z").with("previous", "C-OLD")));
        issue(verification("C-EXPIRING", "pump-4", "2025-06-20T00:00:00Z"));
        Map<String, Object> commitment = new LinkedHashMap<>();
        commitment.put("id", "CM-1");
        commitment.put("entity", ENTITY);
        commitment.put(
                "items",
                List.of(Map.of("kind", "USE_VERIFIED_INSTRUMENTS"), Map.of("kind", "COMPENSATE_SHORT_WEIGHT")));
        commitment.put("textDigest", DIGEST);
        submit(owner, "commitment:Publish", commitment);
        creditEvent("EV-1", "INSPECTION_PASSED", "2025-06-01T08:00:00Z");
        creditEvent("EV-2", "SHORT_WEIGHT", "2025-06-01T08:00:00Z");
    }

    private void creditEvent(String id, String type, String occurredAt) {
        submit(
                inspector,
                "credit:RecordEvent",
                Map.of("id", id, "entity", ENTITY, "type", type, "occurredAt", occurredAt, "evidenceDigest", DIGEST));
    }

    /** A calibration of a standard performed on a day and issued that night, valid until 2027. */
    private static Draft calibration(String id, String standard, String day) {
        Draft d = verification(id, standard, "2027-01-01T00:00:00Z");
        d.fields.put("performedFrom", day + "T09:00:00Z");
        d.fields.put("performedTo", day + "T11:00:00Z");
        d.fields.put("issuedAt", day + "T23:00:00Z");
        d.fields.put("kind", "CALIBRATION");
        d.fields.put("subjectType", "STANDARD");
        d.fields.put("conformity", "NONE");
        d.fields.remove("decisionRule");
        d.links.clear();
        return d;
    }

    private static Draft verification(String id, String subject, String validUntil) {
        Draft d = new Draft();
        d.fields.put("id", id);
        d.fields.put("kind", "VERIFICATION");
        d.fields.put("issuer", LAB);
        d.fields.put("subject", subject);
        d.fields.put("subjectType", "INSTRUMENT");
        d.fields.put("method", "JJG 443-2015");
        d.fields.put("performedFrom", "2025-05-30T09:00:00Z");
        d.fields.put("performedTo", "2025-05-30T11:00:00Z");
        d.fields.put("issuedAt", "2025-05-31T08:00:00Z");
        d.fields.put("validUntil", validUntil);
        d.fields.put("location", "现场");
        d.fields.put("conditions", "20 °C");
        d.fields.put(
                "results",
                List.of(Map.of(
                        "quantity",
                        "示值误差",
                        "value",
                        "-0.12",
                        "unit",
                        "%",
                        "expandedUncertainty",
                        "0.05",
                        "coverageFactor",
                        "2")));
        d.fields.put("conformity", "PASS");
        d.fields.put("decisionRule", "JJG 443-2015 MPE ±0.3 %");
        d.fields.put("documentDigest", DIGEST);
        d.fields.put("signatory", "王力");
        d.fields.put("traceability", d.links);
        return d.cites("STD-W", "C-W");
    }

    /** A certificate request as the lab writes it, before signing. */
    private static final class Draft {
        final Map<String, Object> fields = new LinkedHashMap<>();
        final List<Map<String, Object>> links = new java.util.ArrayList<>();

        Draft cites(String standardId, String certificateId) {
            links.add(Map.of("standardId", standardId, "certificateId", certificateId));
            return this;
        }

        Draft with(String field, Object value) {
            fields.put(field, value);
            return this;
        }
    }

    private void issue(Draft draft) {
        submit(labOperator, "certificate:Issue", signed(draft));
    }

    private Map<String, Object> signed(Draft draft) {
        Map<String, Object> request = new LinkedHashMap<>(draft.fields);
        request.put("signature", LabSignature.sign(labKey.getPrivate(), Canonical.bytes(draft.fields)));
        return request;
    }

    private void participant(String id, Member member, String role, String organisation) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("certificate", member.certificatePem());
        request.put("role", role);
        request.put("name", id);
        if (organisation != null) {
            request.put("organisation", organisation);
        }
        submit(northAdmin, "registry:RegisterParticipant", request);
    }

    private void submit(Member who, String function, Map<String, ?> request) {
        try {
            ledger.submit(who, function, List.of(Canonical.json(request))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(function + " failed: " + e.getMessage(), e);
        }
    }

    static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    @Override
    public void close() {
        await(vertx.close());
        ledger.close();
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("gateway did not start or stop", e);
        }
    }
}
