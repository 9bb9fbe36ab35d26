package org.metroledger.gateway.qr;

import java.util.ArrayList;
import java.util.List;

/** Names the fields where what a token says differs from what the ledger says. */
final class Disagreement {
    private Disagreement() {}

    /** Empty when they agree; else e.g. {@code validUntil: token 2027-01-01T00:00:00Z, ledger ...}. */
    static String between(QrPayload token, QrPayload ledger) {
        List<String> fields = new ArrayList<>();
        compare(fields, "certificateId", token.certificateId(), ledger.certificateId());
        compare(fields, "labId", token.labId(), ledger.labId());
        compare(fields, "subjectSerial", token.subjectSerial(), ledger.subjectSerial());
        compare(fields, "validUntil", token.validUntil(), ledger.validUntil());
        compare(fields, "conformity", token.conformity(), ledger.conformity());
        compare(fields, "digestPrefix", token.digestPrefix(), ledger.digestPrefix());
        return String.join("; ", fields);
    }

    private static void compare(List<String> fields, String name, String token, String ledger) {
        if (!token.equals(ledger)) {
            fields.add(name + ": token " + token + ", ledger " + ledger);
        }
    }
}
