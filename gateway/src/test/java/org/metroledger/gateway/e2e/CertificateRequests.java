package org.metroledger.gateway.e2e;

import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;

/** Certificate requests as a lab sends them: the fields of CONTRACTS.md, then the lab's signature. */
public final class CertificateRequests {
    /** The document digest every request carries. */
    public static final String DIGEST = "ab".repeat(32);

    private CertificateRequests() {}

    /** A passed verification of an instrument, performed at {@code performed} (midnight UTC). */
    public static Map<String, Object> verification(
            String id, String issuer, String subject, String performed, List<?> links) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("kind", "VERIFICATION");
        c.put("issuer", issuer);
        c.put("subject", subject);
        c.put("subjectType", "INSTRUMENT");
        c.put("method", "JJG 443-2015");
        c.put("performedFrom", performed);
        c.put("performedTo", performed.replace("T00", "T02"));
        c.put("issuedAt", performed.replace("T00", "T03"));
        c.put("validUntil", "2030-01-01T00:00:00Z");
        c.put("location", "pump 3");
        c.put(
                "results",
                List.of(Map.of(
                        "quantity",
                        "volume error",
                        "value",
                        "-0.12",
                        "unit",
                        "%",
                        "expandedUncertainty",
                        "0.05",
                        "coverageFactor",
                        "2")));
        c.put("conformity", "PASS");
        c.put("decisionRule", "MPE 0.3 %");
        c.put("traceability", links);
        c.put("documentDigest", DIGEST);
        c.put("signatory", "Wang Li");
        return c;
    }

    /** The calibration of a PRIMARY standard: the root of every traceability chain. */
    public static Map<String, Object> primaryCalibration(String id, String issuer, String standard, String performed) {
        Map<String, Object> c = verification(id, issuer, standard, performed, List.of());
        c.put("kind", "CALIBRATION");
        c.put("subjectType", "STANDARD");
        c.put("conformity", "NONE");
        c.remove("decisionRule");
        return c;
    }

    /** A link of a traceability chain. */
    public static Map<String, String> link(String standardId, String certificateId) {
        return Map.of("standardId", standardId, "certificateId", certificateId);
    }

    /** The request with the lab's signature over the canonical JSON of everything but the signature. */
    public static String signed(PrivateKey labKey, Map<String, Object> request) {
        Map<String, Object> unsigned = new LinkedHashMap<>(request);
        unsigned.remove("signature");
        unsigned.put("signature", LabSignature.sign(labKey, Canonical.bytes(unsigned)));
        return Canonical.json(unsigned);
    }
}
