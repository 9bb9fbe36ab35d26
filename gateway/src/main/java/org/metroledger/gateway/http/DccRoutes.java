package org.metroledger.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.contracts.Registry;
import org.metroledger.gateway.dcc.DccCertificates;
import org.metroledger.gateway.dcc.DccImport;
import org.metroledger.gateway.dcc.DccTrustStore;
import org.metroledger.gateway.dcc.SignatureCheck;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;

/**
 * DCC documents: a lab imports its DCC XML as a certificate, anyone reads a certificate's DCC.
 * Trusted DCC signer certificates are the PEM files of {@code <data-dir>/dcc-trust/} and, for one
 * lab's DCCs, of {@code <data-dir>/dcc-trust/<lab>/} ({@link DccTrustStore}).
 */
final class DccRoutes implements RouteGroup {
    private static final Set<String> XML_TYPES = Set.of("application/xml", "text/xml");

    private final DccCertificates dcc;
    private final Registry registry;
    private final Member reader;

    DccRoutes(DccCertificates dcc, Registry registry, Member reader) {
        this.dcc = dcc;
        this.registry = registry;
        this.reader = reader;
    }

    @Override
    public void register(Api api) {
        api.allowLargeBody("importDcc");
        api.on("importDcc", this::importDcc);
        api.on("getCertificateDcc", ctx -> {
            String id = ctx.pathParam("id");
            LedgerAnswers.onContext(ctx, dcc.exportDcc(reader, id))
                    .onSuccess(xml -> ctx.response()
                            .setStatusCode(200)
                            .putHeader("Content-Type", "application/xml")
                            // A lab's document, whatever it holds (XHTML, scripts), is a file to save,
                            // never a page of this origin: a download, not sniffed, sandboxed if opened.
                            .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(id) + ".xml\"")
                            .putHeader("X-Content-Type-Options", "nosniff")
                            .putHeader("Content-Security-Policy", "sandbox")
                            .end(Buffer.buffer(xml)))
                    .onFailure(ctx::fail);
        });
    }

    private void importDcc(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String media = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!XML_TYPES.contains(media)) {
            throw ApiFailure.of(ApiCode.UNSUPPORTED_MEDIA_TYPE, "a DCC is sent as application/xml");
        }
        Member caller = BearerAuthentication.caller(ctx);
        byte[] xml =
                ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        LedgerAnswers.onContext(ctx, registry.whoAmI(caller))
                .map(DccRoutes::labOf)
                // Reading the trust store, checking the signature and keeping the file block.
                .compose(lab -> ctx.vertx().executeBlocking(() -> dcc.importDcc(caller, xml, options(ctx, lab))))
                .compose(imported -> LedgerAnswers.onContext(ctx, imported))
                .onSuccess(imported -> LedgerAnswers.json(ctx, 201, answer(imported)))
                .onFailure(ctx::fail);
    }

    /**
     * The created record with how the DCC's signature was judged: status, signer, the time the
     * chain was checked at, and the signer's revocation status (UNKNOWN only where the operator
     * allows it, and then saying so).
     */
    private static String answer(DccCertificates.Imported imported) {
        JsonObject created = new JsonObject(imported.written().json());
        SignatureCheck check = imported.signature();
        JsonObject signature = new JsonObject().put("status", check.status().name());
        if (check.signer() != null) {
            signature.put("signer", check.signer());
        }
        if (check.signedAt() != null) {
            signature.put("checkedAt", check.signedAt().toString());
        }
        if (check.revocation() != null) {
            signature.put("revocation", check.revocation());
        }
        return created.put("dccSignature", signature).encode();
    }

    /** The lab the caller works for; only lab staff import DCCs. */
    private static String labOf(Answer<?> whoAmI) {
        JsonNode who = whoAmI.tree();
        String lab = who.path("participant").path("organisation").asText("");
        if (!"LAB".equals(who.path("role").asText()) || lab.isEmpty()) {
            throw ApiFailure.of(ApiCode.FORBIDDEN, "only a lab's registered staff import DCCs");
        }
        return lab;
    }

    private static DccImport.Options options(RoutingContext ctx, String lab) {
        DccImport.Options options = DccImport.Options.forLab(lab);
        String subject = ctx.queryParams().get("subject");
        String type = ctx.queryParams().get("subjectType");
        if (subject != null || type != null) {
            // A null subject is still taken from the DCC, now as the type given.
            options = options.withSubject(subject, type == null ? SubjectType.INSTRUMENT : SubjectType.valueOf(type));
        }
        if (ctx.queryParams().get("validUntil") != null) {
            options = options.withValidUntil(ctx.queryParams().get("validUntil"));
        }
        if (ctx.queryParams().get("location") != null) {
            options = options.withLocation(ctx.queryParams().get("location"));
        }
        if (ctx.queryParams().get("previous") != null) {
            options = options.withPrevious(ctx.queryParams().get("previous"));
        }
        return options;
    }

    /** The certificate id as a file name: ids may hold '/' and ':', which a file name may not. */
    private static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
