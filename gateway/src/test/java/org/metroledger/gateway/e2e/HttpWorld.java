package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.registry.CreditCode;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;

/**
 * The registered world of the scenarios, built over HTTP as a real client would: the three
 * regions, a lab and an entity in North and in East, and the cast registered with their roles.
 */
public final class HttpWorld {
    public static final String LAB_NORTH = "lab-north-1";
    public static final String LAB_EAST = "lab-east-1";
    public static final String ENTITY_NORTH = withCheck("91110000600037341");
    public static final String ENTITY_EAST = withCheck("91310000MA1FL8Q2R");
    /** The evidence digest of every credit event the scenarios record. */
    public static final String EVIDENCE = "cd".repeat(32);

    public static final List<String> CATEGORIES = List.of("fuel-dispenser", "weighing", "temperature");
    /** North's PRIMARY standard (fuel-dispenser) and its calibration, once {@link #primaryChain()} ran. */
    public static final String PRIMARY_STANDARD = "STD-P";

    public static final String PRIMARY_CERTIFICATE = "C-P";

    public final Deployment deployment;
    public final Http http;
    public final KeyPair northLabKey = CertificateAuthority.newKeyPair();
    public final KeyPair eastLabKey = CertificateAuthority.newKeyPair();

    public HttpWorld(Deployment deployment, Http http) {
        this.deployment = deployment;
        this.http = http;
        region(Cast.NORTH_ADMIN, "华北", "北京");
        region(Cast.EAST_ADMIN, "华东", "上海");
        region(Cast.CENTRAL_SOUTH_ADMIN, "中南", "湖北");
        created(http.post("/api/v1/labs", token(Cast.NORTH_ADMIN), lab(LAB_NORTH, northLabKey)));
        created(http.post("/api/v1/labs", token(Cast.EAST_ADMIN), lab(LAB_EAST, eastLabKey)));
        entity(Cast.NORTH_ADMIN, ENTITY_NORTH.substring(0, 17), "北京", "FUEL_STATION");
        entity(Cast.EAST_ADMIN, ENTITY_EAST.substring(0, 17), "上海", "MARKET");
        participant(Cast.NORTH_ADMIN, "p-north-lab", Cast.NORTH_LAB, "LAB", LAB_NORTH);
        participant(Cast.EAST_ADMIN, "p-east-lab", Cast.EAST_LAB, "LAB", LAB_EAST);
        participant(Cast.NORTH_ADMIN, "p-north-inspector", Cast.NORTH_INSPECTOR, "INSPECTOR", null);
        participant(Cast.NORTH_ADMIN, "p-north-entity", Cast.NORTH_ENTITY, "ENTITY", ENTITY_NORTH);
        participant(Cast.EAST_ADMIN, "p-east-entity", Cast.EAST_ENTITY, "ENTITY", ENTITY_EAST);
    }

    public String token(String user) {
        return deployment.user(user).token();
    }

    /** Registers North's PRIMARY standard and issues its calibration: the root the scenarios' chains cite. */
    public void primaryChain() {
        created(http.post(
                "/api/v1/standards",
                token(Cast.NORTH_ADMIN),
                Map.of(
                        "id",
                        PRIMARY_STANDARD,
                        "holder",
                        LAB_NORTH,
                        "description",
                        "primary",
                        "level",
                        "PRIMARY",
                        "category",
                        "fuel-dispenser")));
        issue(CertificateRequests.primaryCalibration(
                PRIMARY_CERTIFICATE, LAB_NORTH, PRIMARY_STANDARD, "2025-05-01T00:00:00Z"));
    }

    /**
     * Registers an instrument of North's entity in a category and issues North's lab's verification
     * of it, traceable to the primary chain: a certificate whose verdict is VALID.
     */
    public Http.Answer tracedCertificate(String id, String instrument, String category) {
        Map<String, Object> registration = instrument(instrument, ENTITY_NORTH);
        registration.put("category", category);
        created(http.post("/api/v1/instruments", token(Cast.NORTH_ADMIN), registration));
        return issue(CertificateRequests.verification(
                id,
                LAB_NORTH,
                instrument,
                "2025-05-10T00:00:00Z",
                List.of(CertificateRequests.link(PRIMARY_STANDARD, PRIMARY_CERTIFICATE))));
    }

    /** Issues a certificate of North's lab, signed with its key. */
    public Http.Answer issue(Map<String, Object> request) {
        return created(http.post(
                "/api/v1/certificates",
                token(Cast.NORTH_LAB),
                CertificateRequests.signed(northLabKey.getPrivate(), request)));
    }

    /** Registers a market entity in the admin's region; answers its id. */
    public String entity(String admin, String first17, String province, String category) {
        String id = withCheck(first17);
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

    public static Map<String, Object> lab(String id, KeyPair key) {
        Map<String, Object> accreditation = new LinkedHashMap<>();
        accreditation.put("body", "CNAS");
        accreditation.put("number", "L-" + id);
        accreditation.put("validFrom", "2020-01-01T00:00:00Z");
        accreditation.put("validUntil", "2030-01-01T00:00:00Z");
        List<Map<String, Object>> scope = new ArrayList<>();
        for (String category : CATEGORIES) {
            scope.add(Map.of(
                    "category", category, "quantity", "q-" + category, "range", "0-100", "cmcUncertainty", "0.1%"));
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

    /** A fuel dispenser registration request. */
    /** A lab's private key as the PKCS#8 PEM file the batch commands read. */
    public static byte[] privateKeyPem(java.security.PrivateKey key) {
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    public static Map<String, Object> instrument(String id, String owner) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("owner", owner);
        request.put("type", "fuel dispenser");
        request.put("manufacturer", "Tatsuno");
        request.put("model", "T-1");
        request.put("serial", "SN-" + id);
        request.put("location", "Beijing");
        request.put("mandatory", true);
        request.put("category", "fuel-dispenser");
        return request;
    }

    /** A credit event recording request, with a fixed evidence digest. */
    public static Map<String, Object> creditEvent(String id, String entity, String type, String occurredAt) {
        return Map.of("id", id, "entity", entity, "type", type, "occurredAt", occurredAt, "evidenceDigest", EVIDENCE);
    }

    public static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    private void region(String admin, String name, String province) {
        created(http.post("/api/v1/regions", token(admin), Map.of("name", name, "provinces", List.of(province))));
    }

    private void participant(String admin, String id, String user, String role, String organisation) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("certificate", deployment.user(user).certificatePem());
        request.put("role", role);
        request.put("name", user);
        if (organisation != null) {
            request.put("organisation", organisation);
        }
        created(http.post("/api/v1/participants", token(admin), request));
    }
}
