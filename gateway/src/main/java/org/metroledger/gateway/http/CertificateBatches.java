package org.metroledger.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.contracts.Certificates;
import org.metroledger.gateway.contracts.Written;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.HttpStatuses;

/**
 * {@code POST /api/v1/certificates/batch}: a lab's certificates in one transaction
 * (the certificate contract's IssueBatch), each item answered on its own with the HTTP status a single
 * issuance would have had. A batch whose every item is refused is not ordered, so sending a batch
 * again after it committed writes nothing more.
 */
final class CertificateBatches {
    private CertificateBatches() {}

    static void issue(Certificates certificates, RoutingContext ctx) {
        LedgerAnswers.onContext(ctx, certificates.issueBatch(BearerAuthentication.caller(ctx), Requests.body(ctx)))
                .onSuccess(written -> LedgerAnswers.json(ctx, 200, answer(written)))
                .onFailure(ctx::fail);
    }

    /** The chaincode's per-item answers with their HTTP statuses, and where the issued ones are. */
    static String answer(Written<?> committed) {
        JsonObject batch = new JsonObject(committed.record().json());
        JsonArray items = new JsonArray();
        for (Object entry : batch.getJsonArray("items", new JsonArray())) {
            JsonObject item = ((JsonObject) entry).copy();
            String code = item.getString("code");
            item.put("status", code == null ? 201 : HttpStatuses.of(ApiCode.parse(code)));
            items.add(item);
        }
        JsonObject answer = new JsonObject()
                .put("issued", batch.getInteger("issued", 0))
                .put("refused", batch.getInteger("refused", 0));
        if (committed.ordered()) {
            answer.put("txId", committed.txId()).put("blockNumber", committed.blockNumber());
        }
        return answer.put("items", items).encode();
    }
}
