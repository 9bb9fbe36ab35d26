package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.gateway.qr.CheckLine;
import org.metroledger.gateway.qr.ChinaDate;
import org.metroledger.gateway.qr.QrPayload;
import org.metroledger.gateway.qr.TokenVerdict;

/**
 * The consumer's page behind a QR code ({@code /v/{token}}): the verdict in large type, green only
 * when VALID, then the certificate, instrument, issuing lab, the operator's credit grade and
 * integrity commitment, every check, and the ledger evidence.
 */
final class VerificationPage {
    private VerificationPage() {}

    /**
     * What the page shows around the verdict; each part is null when the ledger has none.
     *
     * @param rating the answer of credit:Rating for the instrument's owner
     * @param commitment the owner's commitment in effect (commitment:Active)
     */
    record Surroundings(JsonNode instrument, JsonNode entity, JsonNode rating, JsonNode commitment) {
        static final Surroundings NONE = new Surroundings(null, null, null, null);
    }

    static String render(Lang lang, String path, TokenVerdict verdict, Surroundings around) {
        return render(lang, path, verdict, around, false);
    }

    /** The same page for a certificate looked up by its number: the ledger's checks, no token's. */
    static String lookUp(Lang lang, String path, TokenVerdict verdict, Surroundings around) {
        return render(lang, path, verdict, around, true);
    }

    private static String render(Lang lang, String path, TokenVerdict verdict, Surroundings around, boolean byNumber) {
        return PageFrame.render(lang, Text.VERIFY_TITLE, path, Map.of(), html -> {
            boolean forged = !verdict.token().genuine();
            html.open(
                    "section",
                    "class",
                    "verdict " + (verdict.valid() ? "verdict-valid" : "verdict-invalid"),
                    "id",
                    "verdict");
            html.element("p", Text.verdict(verdict.verdict(), lang), "class", "verdict-word", "id", "verdict-word");
            html.element("p", verdict.verdict(), "class", "verdict-code", "id", "verdict-code");
            Text explanation = verdict.valid()
                    ? Text.VERDICT_VALID_EXPLAIN
                    : forged
                            ? Text.VERDICT_FORGED_EXPLAIN
                            : byNumber ? Text.VERDICT_LEDGER_BAD_EXPLAIN : Text.VERDICT_BAD_EXPLAIN;
            html.element("p", explanation.in(lang), "class", "verdict-explain");
            html.close();
            if (byNumber) {
                html.element("p", Text.BY_NUMBER_NOTE.in(lang), "class", "card muted", "id", "by-number");
            }
            if (forged) {
                claims(html, lang, verdict.token().payload());
            } else {
                certificate(html, lang, verdict);
                instrument(html, lang, around.instrument());
                issuer(html, lang, verdict.token().issuer());
                owner(html, lang, around);
            }
            checks(html, lang, verdict);
            evidence(html, lang, verdict.evidence());
        });
    }

    private static void claims(Html html, Lang lang, QrPayload claims) {
        if (claims == null) {
            return;
        }
        html.card(Text.CLAIMS.in(lang), "card claims", null);
        Definitions.open(html, lang, "facts")
                .row(Text.CERTIFICATE_NO, claims.certificateId())
                .row(Text.ISSUER, claims.labId())
                .row(Text.SERIAL, claims.subjectSerial())
                .row(Text.VALID_UNTIL, ChinaDate.date(claims.validUntil()))
                .row(Text.CONFORMITY, Text.conformity(claims.conformity(), lang))
                .close();
        html.close();
    }

    private static void certificate(Html html, Lang lang, TokenVerdict verdict) {
        JsonNode c = verdict.certificate();
        if (!Field.present(c)) {
            return;
        }
        html.card(Text.CERTIFICATE.in(lang));
        Definitions.open(html, lang, "facts")
                .row(Text.CERTIFICATE_NO, Field.of(c, "id"), "certificate-id")
                // A DCC's identifier as the lab wrote it, when the id had to be derived from it.
                .row(Text.LAB_IDENTIFIER, Field.of(c, "uniqueIdentifier"), "unique-identifier")
                .row(Text.KIND, Text.term(Field.of(c, "kind"), lang), "kind")
                .row(Text.METHOD, Field.of(c, "method"))
                .row(Text.CONFORMITY, Text.conformity(Field.of(c, "conformity"), lang), "conformity")
                .row(Text.ISSUED_AT, ChinaDate.date(Field.of(c, "issuedAt")))
                .row(Text.VALID_UNTIL, ChinaDate.date(Field.of(c, "validUntil")), "valid-until")
                .row(Text.SUCCESSOR, verdict.successor(), "successor")
                .row(Text.STATUS_REASON, Field.of(c, "statusReason"))
                .close();
        html.close();
    }

    static void instrument(Html html, Lang lang, JsonNode instrument) {
        if (!Field.present(instrument)) {
            return;
        }
        html.card(Text.INSTRUMENT.in(lang));
        Definitions.open(html, lang, "facts")
                .row(Text.INSTRUMENT, Field.of(instrument, "type"))
                .row(Text.MODEL, (Field.of(instrument, "manufacturer") + " " + Field.of(instrument, "model")).trim())
                .row(Text.SERIAL, Field.of(instrument, "serial"), "serial")
                .row(Text.LOCATION, Field.of(instrument, "location"))
                .row(Text.CATEGORY, Field.of(instrument, "category"))
                .row(
                        Text.MANDATORY,
                        (instrument.path("mandatory").asBoolean() ? Text.YES : Text.NO).in(lang),
                        "mandatory")
                .close();
        html.close();
    }

    private static void issuer(Html html, Lang lang, Lab lab) {
        if (lab == null) {
            return;
        }
        html.card(Text.ISSUER.in(lang));
        Definitions facts = Definitions.open(html, lang, "facts").row(Text.ISSUER, lab.name(), "lab-name");
        if (lab.accreditation() != null) {
            facts.row(
                    Text.ACCREDITATION,
                    lab.accreditation().body() + " " + lab.accreditation().number() + " · " + Text.VALID_UNTIL.in(lang)
                            + " " + ChinaDate.date(lab.accreditation().validUntil()),
                    "accreditation");
        }
        facts.row(
                        Text.LAB_STATUS,
                        lab.status() == null ? "" : Text.term(lab.status().name(), lang),
                        "lab-status")
                .close();
        html.close();
    }

    static void owner(Html html, Lang lang, Surroundings around) {
        if (!Field.present(around.entity())) {
            return;
        }
        html.card(Text.OWNER.in(lang));
        Definitions.open(html, lang, "facts")
                .row(Text.OWNER, Field.of(around.entity(), "name"), "entity-name")
                .row(Text.ENTITY_ID, Field.of(around.entity(), "id"))
                .row(Text.CATEGORY, Text.term(Field.of(around.entity(), "category"), lang), "entity-category")
                .close();
        CreditBadge.render(html, lang, around.rating());
        html.element("h3", Text.COMMITMENT.in(lang));
        Commitments.render(html, lang, around.commitment());
        html.close();
    }

    private static void checks(Html html, Lang lang, TokenVerdict verdict) {
        html.card(Text.CHECKS.in(lang));
        html.open("ul", "class", "checks", "id", "checks");
        for (CheckLine check : verdict.checks()) {
            html.open("li", "class", check.ok() ? "check-ok" : "check-failed");
            html.element(
                    "span",
                    check.ok() ? "✔ " + Text.CHECK_OK.in(lang) : "✘ " + Text.CHECK_FAILED.in(lang),
                    "class",
                    "mark");
            html.element("strong", Text.term(check.name(), lang));
            html.element("span", check.detail(), "class", "detail");
            html.close();
        }
        html.close();
        html.close();
    }

    private static void evidence(Html html, Lang lang, JsonNode evidence) {
        if (!Field.present(evidence)) {
            return;
        }
        html.card(Text.EVIDENCE.in(lang), "card evidence", null);
        Definitions.open(html, lang, "facts")
                .row(Text.TX_ID, Field.of(evidence, "txId"), "tx-id")
                .row(Text.BLOCK, Field.of(evidence, "blockNumber"), "block-number")
                .row(Text.RECORDED_AT, ChinaDate.dateTime(Field.of(evidence, "recordedAt")))
                .close();
        html.close();
    }
}
