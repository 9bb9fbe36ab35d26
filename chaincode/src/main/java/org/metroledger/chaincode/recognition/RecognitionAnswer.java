package org.metroledger.chaincode.recognition;

import java.util.List;

/** Whether a region accepts a certificate, with the reasons and the agreement that carries it. */
public record RecognitionAnswer(
        String certificateId,
        String region,
        String at,
        boolean recognised,
        List<RecognitionReason> reasons,
        String agreementId,
        String verdict,
        String issuerRegion,
        String category) {}
