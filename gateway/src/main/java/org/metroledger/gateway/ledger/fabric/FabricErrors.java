package org.metroledger.gateway.ledger.fabric;

import io.grpc.Status;
import java.util.stream.Collectors;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * Turns fabric-gateway exceptions into {@link LedgerException}s with our error codes. The chaincode's
 * code travels in its message ("chaincode response 500, CODE: ..."), which Fabric's gateway service
 * passes on in the error details.
 */
final class FabricErrors {
    private FabricErrors() {}

    static LedgerException of(GatewayException e, String txId) {
        String details = e.getDetails().stream().map(ErrorDetail::getMessage).collect(Collectors.joining("; "));
        String description =
                e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
        String all = description + "; " + details;
        ApiCode code = ApiCode.ofChaincode(null, all);
        if (code != ApiCode.INTERNAL) {
            return new LedgerException(code, Fail.messageOf(firstWithCode(e, description)), txId, e);
        }
        if (isUnavailable(e)) {
            return new LedgerException(ApiCode.UNAVAILABLE, "the Fabric network did not answer: " + all, txId, e);
        }
        if (creatorRefused(all)) {
            return new LedgerException(
                    ApiCode.IDENTITY_REFUSED,
                    "the peer refuses the caller's identity (its certificate is revoked, or not issued by its"
                            + " organisation's CA): " + all,
                    txId,
                    e);
        }
        if (endorsersUnknown(all)) {
            return new LedgerException(
                    ApiCode.UNAVAILABLE, "the peer knows too few endorsing peers as yet: " + all, txId, e);
        }
        if (endorsersDisagree(all)) {
            return new LedgerException(
                    ApiCode.MVCC_READ_CONFLICT,
                    "the endorsing peers read different states (one had not committed the newest block): " + all,
                    txId,
                    e);
        }
        if (chaincodeUnreachable(all)) {
            return new LedgerException(
                    ApiCode.UNAVAILABLE, "the peer cannot reach its chaincode server: " + all, txId, e);
        }
        return new LedgerException(ApiCode.INTERNAL, "Fabric call failed: " + all, txId, e);
    }

    static LedgerException committedInvalid(org.hyperledger.fabric.client.Status status) {
        TxValidationCode code = status.getCode();
        ApiCode ours = isConflict(code) ? ApiCode.MVCC_READ_CONFLICT : ApiCode.CONFLICT;
        return new LedgerException(
                ours,
                "transaction " + status.getTransactionId() + " was committed invalid in block "
                        + status.getBlockNumber() + ": " + code,
                status.getTransactionId(),
                null);
    }

    static boolean isConflict(TxValidationCode code) {
        return code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT;
    }

    /** True when trying another peer may help: the peer is down or overloaded, not the request wrong. */
    static boolean isUnavailable(GatewayException e) {
        Status.Code code = e.getStatus().getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }

    /**
     * The peer's gateway cannot yet plan an endorsement: gossip has not told it of enough other
     * organisations' peers (just after they join or restart), or those it knows are down. Another
     * centre's peer, or the same one a little later, can.
     */
    static boolean endorsersUnknown(String message) {
        return message.contains("no combination of peers can be derived")
                || message.contains("failed to select a set of endorsers");
    }

    /**
     * The peer's MSP did not validate the proposal's creator: Fabric says only "access denied" with
     * the creator's organisation (the reason, e.g. a certificate on the CRL, goes to the peer's log).
     */
    static boolean creatorRefused(String message) {
        return message.contains("access denied") && message.contains("creator org");
    }

    /**
     * Two endorsing peers simulated the proposal on different states, as when one has not yet
     * committed the block that another has: a fresh proposal a moment later endorses alike.
     */
    static boolean endorsersDisagree(String message) {
        return message.contains("ProposalResponsePayloads do not match");
    }

    /**
     * The peer answered, but its chaincode server is down or restarting (the peer says so in the
     * simulation error): another centre's peer may well serve the same call.
     */
    static boolean chaincodeUnreachable(String message) {
        return message.contains("could not launch chaincode")
                || message.contains("chaincode registration failed")
                || message.contains("chaincode stream terminated");
    }

    private static String firstWithCode(GatewayException e, String description) {
        for (ErrorDetail detail : e.getDetails()) {
            if (ApiCode.ofChaincode(null, detail.getMessage()) != ApiCode.INTERNAL) {
                return detail.getMessage();
            }
        }
        return description;
    }
}
