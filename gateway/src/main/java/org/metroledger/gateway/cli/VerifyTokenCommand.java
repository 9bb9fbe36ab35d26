package org.metroledger.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.qr.QrPayload;
import org.metroledger.gateway.qr.QrToken;
import org.metroledger.gateway.qr.TokenCheck;
import org.metroledger.gateway.qr.TrustList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify-token TOKEN --trust-list FILE}: the QR signature check with no network at all. */
@Command(
        name = "verify-token",
        mixinStandardHelpOptions = true,
        description = "Check a QR token's lab signature against a saved trust list (GET /api/v1/trust-list), "
                + "offline. Exit 0 when the signature verifies, 1 otherwise. The ledger status is NOT checked.")
public final class VerifyTokenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOKEN", description = "ML1.<payload>.<signature>, or the /v/ URL holding it")
    String token;

    @Option(names = "--trust-list", required = true, paramLabel = "FILE", description = "trust list JSON")
    Path trustList;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrustList list;
        try {
            list = Canonical.read(Files.readString(trustList, StandardCharsets.UTF_8), TrustList.class);
        } catch (ChaincodeException e) {
            err.println("trust list " + trustList + " is not readable: " + e.getMessage());
            return 2;
        }
        String bare = token.contains("/v/") ? token.substring(token.lastIndexOf("/v/") + 3) : token;
        TokenCheck check = QrToken.verify(bare, list);
        QrPayload payload = check.payload();
        if (payload != null) {
            out.println("certificate:   " + payload.certificateId());
            out.println("lab:           " + payload.labId());
            out.println("serial:        " + payload.subjectSerial());
            out.println("valid until:   " + payload.validUntil());
            out.println("conformity:    " + payload.conformity());
            out.println("digest prefix: " + payload.digestPrefix());
        }
        out.println("signature:     " + (check.genuine() ? "VALID" : TokenCheck.SIGNATURE_INVALID) + " ("
                + check.detail() + ")");
        out.println("trust list:    generated " + list.generatedAt() + " at ledger height " + list.ledgerHeight());
        out.println("ledger status: NOT checked (offline). Revocation, supersession and expiry need "
                + "POST /api/v1/verifications or the /v/ page.");
        out.flush();
        return check.genuine() ? 0 : 1;
    }
}
