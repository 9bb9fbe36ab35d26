package org.metroledger.gateway.qr;

import java.util.Objects;

/** What a certificate's sticker shows: its number, issuer, validity, conformity and the QR URL. */
public record LabelContent(
        String certificateId, String labId, String labName, String validUntil, String conformity, String url) {
    public LabelContent {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(conformity, "conformity");
        Objects.requireNonNull(url, "url");
    }
}
