package org.metroledger.gateway.qr;

import java.security.KeyPair;
import java.util.List;
import org.metroledger.chaincode.registry.Accreditation;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabStatus;
import org.metroledger.chaincode.registry.ScopeItem;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;

/** Two labs with real P-256 keys, a trust list naming them, and a payload for tests to sign. */
final class TokenFixture {
    static final String LAB = "lab-north-1";
    static final String OTHER_LAB = "lab-east-1";
    static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    final KeyPair labKey = CertificateAuthority.newKeyPair();
    final KeyPair otherLabKey = CertificateAuthority.newKeyPair();
    final TrustList trustList =
            new TrustList("2025-06-01T08:00:00Z", 42, List.of(lab(LAB, labKey), lab(OTHER_LAB, otherLabKey)));

    static QrPayload payload() {
        return QrPayload.of("CERT-2025-0001", LAB, "SN-88231", "2026-06-01T00:00:00Z", "PASS", DIGEST);
    }

    String token() {
        return QrToken.sign(payload(), labKey.getPrivate());
    }

    static Lab lab(String id, KeyPair key) {
        return new Lab(
                id,
                "计量院 " + id,
                "NorthMSP",
                new Accreditation(
                        "CNAS",
                        "L1234",
                        "2020-01-01T00:00:00Z",
                        "2030-01-01T00:00:00Z",
                        List.of(new ScopeItem("fuel-dispenser", "volume", "0-100 L", "0.1%"))),
                LabSignature.pem(key.getPublic()),
                LabStatus.ACTIVE,
                null,
                "2025-01-01T00:00:00Z",
                "tx-" + id,
                null,
                null);
    }
}
