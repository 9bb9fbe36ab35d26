package org.metroledger.gateway.dcc;

import com.fasterxml.jackson.databind.JsonNode;
import org.metroledger.chaincode.json.Canonical;

/** Certificate records shaped as the certificate contract answers them. */
final class CertificateRecords {
    private CertificateRecords() {}

    static JsonNode calibration() {
        return Canonical.tree("""
                {"id": "CAL-2025-0001", "kind": "CALIBRATION", "issuer": "lab-north-mass",
                 "subject": "inst-scale-17", "subjectType": "INSTRUMENT", "category": "MASS",
                 "method": "JJG 99-2022", "performedFrom": "2025-03-01T08:00:00Z",
                 "performedTo": "2025-03-01T16:30:00Z", "issuedAt": "2025-03-02T09:00:00Z",
                 "validUntil": "2026-03-01T00:00:00Z", "location": "Beijing, lab hall 2",
                 "conditions": "20.0 °C ± 0.5 °C",
                 "results": [
                   {"quantity": "Mass", "value": "1.000030", "unit": "\\\\kilogram",
                    "expandedUncertainty": "0.000050", "coverageFactor": "2"},
                   {"quantity": "Indication error", "value": "-0.10", "unit": "\\\\gram",
                    "expandedUncertainty": "0.02", "coverageFactor": "2"}],
                 "conformity": "PASS", "decisionRule": "ILAC-G8:09/2019 simple acceptance",
                 "traceability": [{"standardId": "std-mass-ref", "certificateId": "CAL-2024-0100"}],
                 "documentDigest": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "signatory": "Li Wei", "signature": "MEUCIQ", "status": "ACTIVE",
                 "recordedAt": "2025-03-02T09:00:01Z", "txId": "tx1"}
                """, "certificate");
    }
}
