package org.metroledger.gateway.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.failure.ApiCode;

/** What each answer of Fabric's gateway service becomes: the texts are Fabric 3.1's own. */
class FabricErrorsTest {
    @Test
    void aChaincodeRefusalKeepsItsCodeAndMessage() {
        var mapped = FabricErrors.of(
                refusal(
                        io.grpc.Status.Code.ABORTED,
                        "failed to endorse transaction, see attached details for more info",
                        "chaincode response 500, CONFLICT: Instrument 'I-1' exists already"),
                null);
        assertThat(mapped.code()).isEqualTo(ApiCode.CONFLICT);
        assertThat(mapped.getMessage()).isEqualTo("Instrument 'I-1' exists already");
    }

    @Test
    void aGatewayThatKnowsTooFewEndorsersIsUnavailableNotInternal() {
        assertMapped(
                ApiCode.UNAVAILABLE,
                io.grpc.Status.Code.FAILED_PRECONDITION,
                "no combination of peers can be derived which satisfy the endorsement policy: required chaincodes"
                        + " are not installed on sufficient peers");
    }

    @Test
    void aCreatorThePeersMspRefusesIsIdentityRefused() {
        // As a peer answers a proposal from a certificate on its organisation's CRL.
        assertMapped(
                ApiCode.IDENTITY_REFUSED,
                io.grpc.Status.Code.FAILED_PRECONDITION,
                "evaluate call to endorser returned error: error validating proposal: access denied: channel"
                        + " [metrology] creator org [NorthMSP]");
    }

    @Test
    void endorsersThatReadDifferentStatesAreAConflictToRetry() {
        assertMapped(
                ApiCode.MVCC_READ_CONFLICT,
                io.grpc.Status.Code.ABORTED,
                "failed to collect enough transaction endorsements, see attached details for more info",
                "ProposalResponsePayloads do not match");
    }

    @Test
    void aPeerThatCannotReachItsChaincodeIsUnavailable() {
        assertMapped(
                ApiCode.UNAVAILABLE,
                io.grpc.Status.Code.ABORTED,
                "failed to endorse transaction, see attached details for more info",
                "error in simulation: failed to execute transaction: could not launch chaincode metroledger_1:abc:"
                        + " connection refused");
    }

    @Test
    void anythingElseIsInternal() {
        assertMapped(
                ApiCode.INTERNAL,
                io.grpc.Status.Code.INVALID_ARGUMENT,
                "the proposed transaction must contain a signed proposal");
    }

    private static void assertMapped(
            ApiCode expected, io.grpc.Status.Code code, String description, String... details) {
        assertThat(FabricErrors.of(refusal(code, description, details), null).code())
                .isEqualTo(expected);
    }

    private static GatewayException refusal(io.grpc.Status.Code code, String description, String... details) {
        com.google.rpc.Status.Builder status =
                com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(description);
        for (String detail : details) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder()
                    .setAddress("127.0.0.1:7051")
                    .setMspId("NorthMSP")
                    .setMessage(detail)
                    .build()));
        }
        StatusRuntimeException e = StatusProto.toStatusRuntimeException(status.build());
        return new GatewayException(e);
    }
}
