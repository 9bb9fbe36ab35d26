package org.metroledger.gateway.notice;

/**
 * An outbound webhook: notices of one entity, or of one region, are POSTed to {@code url}, signed
 * with HMAC-SHA256 under {@code secret}. Kept by this gateway only (the secret is no ledger's
 * business); {@code ownerMsp} and {@code ownerName} are the wallet identity that registered it,
 * as whom the sweeps ask what is due.
 */
public record Webhook(
        String id,
        String url,
        String entity,
        String region,
        String secret,
        String ownerMsp,
        String ownerName,
        String createdAt) {

    /** Whether a notice of that entity and region is for this webhook. */
    boolean wants(String noticeEntity, String noticeRegion) {
        return entity != null ? entity.equals(noticeEntity) : region.equals(noticeRegion);
    }

    /** What the registrant sees: everything but the secret (answered once, at registration). */
    public Webhook withoutSecret() {
        return new Webhook(id, url, entity, region, null, ownerMsp, ownerName, createdAt);
    }
}
