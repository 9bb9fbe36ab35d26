package org.metroledger.chaincode.certificate;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.chaincode.state.Stamp;
import org.metroledger.testbed.TestWorld;

/** A certificate request as a lab would write it, changed field by field, then signed. */
public final class CertificateDraft {
    static final String DIGEST = "a".repeat(64);

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Map<String, Object>> links = new ArrayList<>();

    private CertificateDraft() {}

    /** A PASS verification of an instrument, performed and issued just before 2025-06-01. */
    static CertificateDraft verification(String id, String issuer, String instrument) {
        CertificateDraft d = new CertificateDraft();
        d.fields.put("id", id);
        d.fields.put("kind", "VERIFICATION");
        d.fields.put("issuer", issuer);
        d.fields.put("subject", instrument);
        d.fields.put("subjectType", "INSTRUMENT");
        d.fields.put("method", "JJG 443-2015");
        d.performed("2025-05-30T09:00:00Z", "2025-05-30T11:00:00Z");
        d.fields.put("issuedAt", "2025-05-31T08:00:00Z");
        d.fields.put("validUntil", "2026-05-31T00:00:00Z");
        d.fields.put("location", "Station 7, pump 3");
        d.fields.put("conditions", "20 °C, 45 %RH");
        d.fields.put(
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
        d.fields.put("conformity", "PASS");
        d.fields.put("decisionRule", "JJG 443-2015 §6: MPE ±0.3 %");
        d.fields.put("documentDigest", DIGEST);
        d.fields.put("signatory", "Wang Li");
        d.fields.put("traceability", d.links);
        return d;
    }

    /** A calibration of a standard with no conformity statement. */
    static CertificateDraft calibration(String id, String issuer, String standard) {
        CertificateDraft d = verification(id, issuer, standard);
        d.fields.put("kind", "CALIBRATION");
        d.fields.put("subjectType", "STANDARD");
        d.fields.put("conformity", "NONE");
        d.fields.remove("decisionRule");
        d.fields.put(
                "results",
                List.of(Map.of(
                        "quantity",
                        "volume",
                        "value",
                        "20.0012",
                        "unit",
                        "L",
                        "expandedUncertainty",
                        "0.0004",
                        "coverageFactor",
                        "2")));
        return d;
    }

    public CertificateDraft with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    CertificateDraft without(String field) {
        fields.remove(field);
        return this;
    }

    CertificateDraft performed(String from, String to) {
        fields.put("performedFrom", from);
        fields.put("performedTo", to);
        return this;
    }

    /** Sets performance, issue and expiry together. */
    public CertificateDraft dated(String performed, String issued, String validUntil) {
        performed(performed, performed);
        fields.put("issuedAt", issued);
        fields.put("validUntil", validUntil);
        return this;
    }

    CertificateDraft cites(String standardId, String certificateId) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("standardId", standardId);
        link.put("certificateId", certificateId);
        links.add(link);
        return this;
    }

    Map<String, Object> fields() {
        return fields;
    }

    String signedBy(KeyPair key) {
        return TestWorld.signed(key, fields);
    }

    /** The certificate the ledger would hold had it accepted this draft signed by the key. */
    Certificate recorded(KeyPair key, String category) {
        CertificateRequest request = Canonical.read(signedBy(key), CertificateRequest.class);
        return Certificate.issued(
                request,
                category,
                LabSignature.fingerprint(LabSignature.pem(key.getPublic())),
                new Stamp(request.issuedAt(), "tx-" + request.id()));
    }
}
