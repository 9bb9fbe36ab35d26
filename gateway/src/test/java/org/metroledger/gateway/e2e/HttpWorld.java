package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;

/**
 * The registered world of one scenario run, built over HTTP as a real client would, every id in the
 * run's {@link Namespace}: the three regions (one per MSP, registered once per ledger), a lab and an
 * entity in North and in East, and the run's cast registered with their roles.
 */
public final class HttpWorld {
    /** The evidence digest of every credit event the scenarios record. */
    public static final String EVIDENCE = "cd".repeat(32);
    /** The credit code divisions of the regions' entities: a Beijing and a Shanghai enterprise. */
    public static final String BEIJING = "91110000";

    public static final String SHANGHAI = "91310000";

    public final Namespace ns;
    public final Deployment deployment;
    public final Http http;
    public final String labNorth;
    public final String labEast;
    /** North's and East's market entities, credit code serial 0 of their division. */
    public final String entityNorth;

    public final String entityEast;
    /** The participant id of North's inspector. */
    public final String inspector;
    /** North's PRIMARY standard (fuel-dispenser) and its calibration, once {@link #primaryChain()} ran. */
    public final String primaryStandard;

    public final String primaryCertificate;
    public final KeyPair northLabKey = CertificateAuthority.newKeyPair();
    public final KeyPair eastLabKey = CertificateAuthority.newKeyPair();
    /** The ledger's clock when the world was built (the backend's, settable or not), to date requests by. */
    public final Instant builtAt;

    public HttpWorld(Namespace ns, Deployment deployment, Http http) {
        this.ns = ns;
        this.deployment = deployment;
        this.http = http;
        labNorth = ns.id("lab-north-1");
        labEast = ns.id("lab-east-1");
        entityNorth = ns.creditCode(BEIJING, 0);
        entityEast = ns.creditCode(SHANGHAI, 0);
        inspector = ns.id("p-north-inspector");
        primaryStandard = ns.id("STD-P");
        primaryCertificate = ns.id("C-P");
        region(Cast.NORTH, Cast.NORTH_ADMIN, "华北", "北京");
        region(Cast.EAST, Cast.EAST_ADMIN, "华东", "上海");
        region(Cast.CENTRAL_SOUTH, Cast.CENTRAL_SOUTH_ADMIN, "中南", "湖北");
        builtAt = Instant.parse(created(http.post("/api/v1/labs", token(Cast.NORTH_ADMIN), lab(labNorth, northLabKey)))
                .record()
                .getString("recordedAt"));
        created(http.post("/api/v1/labs", token(Cast.EAST_ADMIN), lab(labEast, eastLabKey)));
        entity(Cast.NORTH_ADMIN, entityNorth, "北京", "FUEL_STATION");
        entity(Cast.EAST_ADMIN, entityEast, "上海", "MARKET");
        participant(Cast.NORTH_ADMIN, "p-north-lab", Cast.NORTH_LAB, "LAB", labNorth);
        participant(Cast.EAST_ADMIN, "p-east-lab", Cast.EAST_LAB, "LAB", labEast);
        participant(Cast.NORTH_ADMIN, "p-north-inspector", Cast.NORTH_INSPECTOR, "INSPECTOR", null);
        participant(Cast.NORTH_ADMIN, "p-north-entity", Cast.NORTH_ENTITY, "ENTITY", entityNorth);
        participant(Cast.EAST_ADMIN, "p-east-entity", Cast.EAST_ENTITY, "ENTITY", entityEast);
        for (String local : List.of("fuel-dispenser", "weighing", "temperature")) {
            authorise(Cast.NORTH_ADMIN, labNorth, local);
            authorise(Cast.EAST_ADMIN, labEast, local);
        }
    }

    /** The admin's region lets the lab verify instruments of the category (local name) there, 1950 to 2030. */
    public Http.Answer authorise(String admin, String lab, String local) {
        return created(http.post(
                "/api/v1/labs/" + lab + "/authorisations",
                token(admin),
                Map.of(
                        "category",
                        category(local),
                        "validFrom",
                        "1950-01-01T00:00:00Z",
                        "validUntil",
                        "2030-01-01T00:00:00Z")));
    }

    /** North's entity engages North's lab to calibrate its instrument: one calibration certificate's invitation. */
    public Http.Answer engageNorthLab(String engagementId, String instrument) {
        return created(http.post(
                "/api/v1/engagements",
                token(Cast.NORTH_ENTITY),
                Map.of("id", engagementId, "lab", labNorth, "subject", instrument, "subjectType", "INSTRUMENT")));
    }

    /** The token of this run's member of that name of the {@link Cast}. */
    public String token(String user) {
        return deployment.user(ns.member(user)).token();
    }

    /**
     * This run's instrument category of a local name ({@code fuel-dispenser}, {@code weighing},
     * {@code temperature}): what a category covers (lab scope, recognition agreements, indicators)
     * is ledger-wide, so each run has categories of its own.
     */
    public String category(String local) {
        return ns.id(local);
    }

    /**
     * Midnight UTC of a day before the world was built: certificates dated then stay within the
     * ledger's back-dating allowance (30 days) on every backend, and performed after the chain's root.
     */
    public String daysAgo(int days) {
        return daysAgo(days, 0);
    }

    /** An hour (UTC) of a day before the world was built; negative days are after it. */
    public String daysAgo(int days, int hour) {
        return builtAt.truncatedTo(ChronoUnit.DAYS)
                .minus(Duration.ofDays(days))
                .plus(Duration.ofHours(hour))
                .toString();
    }

    /** Registers North's PRIMARY standard and issues its calibration: the root the scenarios' chains cite. */
    public void primaryChain() {
        created(http.post(
                "/api/v1/standards",
                token(Cast.NORTH_ADMIN),
                Map.of(
                        "id",
                        primaryStandard,
                        "holder",
                        labNorth,
                        "description",
                        "primary",
                        "level",
                        "PRIMARY",
                        "category",
                        category("fuel-dispenser"))));
        issue(CertificateRequests.primaryCalibration(primaryCertificate, labNorth, primaryStandard, daysAgo(5)));
    }

    /**
     * Registers an instrument of North's entity in a category (local name) and issues North's lab's
     * verification of it, traceable to the primary chain: a certificate whose verdict is VALID.
     */
    public Http.Answer tracedCertificate(String id, String instrument, String category) {
        created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ADMIN), instrument(instrument, entityNorth, category)));
        return issue(verification(id, instrument));
    }

    /**
     * The indicators' case: four mandatory instruments of North's entity in this run's weighing
     * category, ids W-1 to W-4 (so other runs' records do not count): W-1 covered by a PASS
     * verification V-1 for a year, W-2 by V-2 expiring within 30 days, W-3 verified FAIL (V-3), W-4
     * never verified. Coverage 50 %, two overdue, one expiring; answers the category. Needs
     * {@link #primaryChain()}.
     */
    public String fourWeighingInstruments() {
        for (String n : new String[] {"W-1", "W-2", "W-3", "W-4"}) {
            created(http.post(
                    "/api/v1/instruments", token(Cast.NORTH_ADMIN), instrument(ns.id(n), entityNorth, "weighing")));
        }
        Map<String, Object> year = verification(ns.id("V-1"), ns.id("W-1"));
        year.put("validUntil", daysAgo(-365));
        issue(year);
        Map<String, Object> soon = verification(ns.id("V-2"), ns.id("W-2"));
        soon.put("validUntil", daysAgo(-20));
        issue(soon);
        Map<String, Object> failed = verification(ns.id("V-3"), ns.id("W-3"));
        failed.put("conformity", "FAIL");
        issue(failed);
        return category("weighing");
    }

    /** North's lab's verification of an instrument three days ago, traceable to the primary chain (unsigned). */
    public Map<String, Object> verification(String id, String instrument) {
        return CertificateRequests.verification(
                id,
                labNorth,
                instrument,
                daysAgo(3),
                List.of(CertificateRequests.link(primaryStandard, primaryCertificate)));
    }

    /** Issues a certificate of North's lab, signed with its key. */
    public Http.Answer issue(Map<String, Object> request) {
        return created(http.post(
                "/api/v1/certificates",
                token(Cast.NORTH_LAB),
                CertificateRequests.signed(northLabKey.getPrivate(), request)));
    }

    /** Registers a market entity (a credit code of {@link Namespace#creditCode}) in the admin's region. */
    public String entity(String admin, String id, String province, String category) {
        created(http.post(
                "/api/v1/entities",
                token(admin),
                Map.of("id", id, "name", "Entity " + id, "province", province, "category", category)));
        return id;
    }

    /** Asserts a write answered 201 and gives the answer back. */
    public static Http.Answer created(Http.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer;
    }

    public Map<String, Object> lab(String id, KeyPair key) {
        Map<String, Object> accreditation = new LinkedHashMap<>();
        accreditation.put("body", "CNAS");
        accreditation.put("number", "L-" + id);
        // Since 1950, so that certificates dated as the shared DCC examples (1957) can be recorded.
        accreditation.put("validFrom", "1950-01-01T00:00:00Z");
        accreditation.put("validUntil", "2030-01-01T00:00:00Z");
        List<Map<String, Object>> scope = new ArrayList<>();
        for (String local : List.of("fuel-dispenser", "weighing", "temperature")) {
            scope.add(Map.of(
                    "category", category(local), "quantity", "q-" + local, "range", "0-100", "cmcUncertainty", "0.1%"));
        }
        accreditation.put("scope", scope);
        return Map.of(
                "id",
                id,
                "name",
                "Lab " + id,
                "accreditation",
                accreditation,
                "publicKey",
                LabSignature.pem(key.getPublic()));
    }

    /** A lab's private key as the PKCS#8 PEM file the batch commands read. */
    public static byte[] privateKeyPem(java.security.PrivateKey key) {
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A fuel dispenser registration request. */
    public Map<String, Object> instrument(String id, String owner) {
        return instrument(id, owner, "fuel-dispenser");
    }

    /** An instrument registration request in one of this run's categories (local name). */
    public Map<String, Object> instrument(String id, String owner, String category) {
        return instrumentRegistration(id, owner, category(category));
    }

    /** An instrument registration request in a category as the ledger names it. */
    public static Map<String, Object> instrumentRegistration(String id, String owner, String category) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("owner", owner);
        request.put("type", "fuel dispenser");
        request.put("manufacturer", "Tatsuno");
        request.put("model", "T-1");
        request.put("serial", "SN-" + id);
        request.put("location", "Beijing");
        request.put("mandatory", true);
        request.put("category", category);
        return request;
    }

    /** A credit event recording request, with a fixed evidence digest. */
    public static Map<String, Object> creditEvent(String id, String entity, String type, String occurredAt) {
        return Map.of("id", id, "entity", entity, "type", type, "occurredAt", occurredAt, "evidenceDigest", EVIDENCE);
    }

    /**
     * Registers the MSP's region unless the ledger has it: a region is one per MSP, registered by the
     * first run on a ledger (or the demo), and every later run finds it.
     */
    private void region(String msp, String admin, String name, String province) {
        if (regionRegistered(msp)) {
            return;
        }
        Http.Answer answer =
                http.post("/api/v1/regions", token(admin), Map.of("name", name, "provinces", List.of(province)));
        // 409: another run registered it between our read and our write.
        if (answer.status() != 201 && !(answer.status() == 409 && regionRegistered(msp))) {
            throw new AssertionError("region " + msp + " not registered: " + answer);
        }
    }

    private boolean regionRegistered(String msp) {
        Http.Answer read = http.get("/api/v1/regions/" + msp, null);
        if (read.status() != 200 && read.status() != 404) {
            throw new AssertionError("region " + msp + " unreadable: " + read);
        }
        return read.status() == 200;
    }

    private void participant(String admin, String local, String user, String role, String organisation) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", ns.id(local));
        request.put("certificate", deployment.user(ns.member(user)).certificatePem());
        request.put("role", role);
        request.put("name", user);
        if (organisation != null) {
            request.put("organisation", organisation);
        }
        created(http.post("/api/v1/participants", token(admin), request));
    }
}
