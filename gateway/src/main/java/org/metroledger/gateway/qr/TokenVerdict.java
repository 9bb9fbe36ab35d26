package org.metroledger.gateway.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.metroledger.chaincode.json.Canonical;

/**
 * The answer to a scanned QR token: the offline signature check, then (only for a genuine token)
 * the ledger's verdict, with every check itemised.
 *
 * @param verdict {@code SIGNATURE_INVALID} for a forged token, else the ledger's verdict
 * @param ledgerChecked false when the token failed offline and the ledger was not asked
 * @param certificate the ledger's certificate record, or null
 * @param evidence txId, recordedAt and blockNumber of the certificate's last write, or null
 * @param successor the superseding certificate's id, or null
 */
public record TokenVerdict(
        String verdict,
        boolean ledgerChecked,
        TokenCheck token,
        List<CheckLine> checks,
        JsonNode certificate,
        JsonNode evidence,
        String successor,
        String at) {
    public TokenVerdict {
        checks = List.copyOf(checks);
    }

    public boolean valid() {
        return "VALID".equals(verdict);
    }

    /** The JSON answer of {@code POST /api/v1/verifications}. */
    public ObjectNode toJson() {
        ObjectNode json = Canonical.mapper().createObjectNode();
        json.put("verdict", verdict);
        json.put("ledgerChecked", ledgerChecked);
        ObjectNode tokenJson = json.putObject("token");
        tokenJson.put("genuine", token.genuine());
        tokenJson.put("detail", token.detail());
        if (token.payload() != null) {
            QrPayload claims = token.payload();
            ObjectNode claimed = tokenJson.putObject("claims");
            claimed.put("certificateId", claims.certificateId());
            claimed.put("labId", claims.labId());
            claimed.put("subjectSerial", claims.subjectSerial());
            claimed.put("validUntil", claims.validUntil());
            claimed.put("conformity", claims.conformity());
            claimed.put("digestPrefix", claims.digestPrefix());
        }
        json.set("checks", Canonical.mapper().valueToTree(checks));
        if (certificate != null) {
            json.set("certificate", certificate);
        }
        if (evidence != null) {
            json.set("evidence", evidence);
        }
        if (successor != null) {
            json.put("successor", successor);
        }
        if (at != null) {
            json.put("at", at);
        }
        return json;
    }
}
