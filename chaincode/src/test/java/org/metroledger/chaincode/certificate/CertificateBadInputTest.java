package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.CertificateLedger.pumpVerification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.testbed.TestWorld;

/**
 * Bad requests to every certificate function, each refused with the right code and a message
 * naming the field, and with nothing written.
 */
class CertificateBadInputTest {
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;

    CertificateBadInputTest() {
        ledger.issue(pumpVerification("C-1"));
    }

    record Case(String name, String function, String request, ErrorCode code, String field) {}

    private final List<Case> cases = new ArrayList<>();

    private void invalid(String name, String function, String request, String field) {
        cases.add(new Case(name, function, request, ErrorCode.INVALID_ARGUMENT, field));
    }

    /** An Issue request changed by the edit and then properly signed, so only the edit is wrong. */
    private void issue(String name, UnaryOperator<CertificateDraft> edit, String field) {
        invalid(name, "certificate:Issue", edit.apply(pumpVerification("C-NEW")).signedBy(world.northLabKey), field);
    }

    private static String json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Canonical.json(map);
    }

    private static Map<String, Object> result(String field, Object value) {
        Map<String, Object> r = new LinkedHashMap<>(
                Map.of("quantity", "volume error", "value", "-0.12", "unit", "%", "expandedUncertainty", "0.05"));
        r.put("coverageFactor", "2");
        r.put(field, value);
        r.values().removeIf(v -> v == null);
        return r;
    }

    private static Map<String, Object> interval(String min, String max) {
        return new LinkedHashMap<>(Map.of(
                "quantity", "volume error",
                "value", "2.0",
                "unit", "%",
                "standardUncertainty", "0.05",
                "intervalMin", min,
                "intervalMax", max,
                "coverageProbability", "0.95"));
    }

    private static Map<String, Object> withExpanded(Map<String, Object> result) {
        result.put("expandedUncertainty", "0.1");
        return result;
    }

    @TestFactory
    Stream<DynamicTest> every_bad_request_is_refused_naming_the_field_and_writes_nothing() {
        for (String field : List.of(
                "id",
                "kind",
                "issuer",
                "subject",
                "subjectType",
                "method",
                "performedFrom",
                "performedTo",
                "issuedAt",
                "validUntil",
                "location",
                "conformity",
                "decisionRule",
                "documentDigest",
                "signatory")) {
            issue("Issue without " + field, d -> d.without(field), field);
        }
        issue("Issue with a numeric id", d -> d.with("id", 5), "id");
        issue("Issue with an id of 129 characters", d -> d.with("id", "C".repeat(129)), "id");
        issue("Issue with an id holding a space", d -> d.with("id", "C 1"), "id");
        issue("Issue with an unknown kind", d -> d.with("kind", "INSPECTION"), "kind");
        issue("Issue with an unknown subject type", d -> d.with("subjectType", "ENTITY"), "subjectType");
        issue("Issue with an unknown conformity", d -> d.with("conformity", "MAYBE"), "conformity");
        issue("Issue with an unknown field", d -> d.with("colour", "red"), "colour");
        issue("Issue with a malformed date", d -> d.with("performedFrom", "yesterday"), "performedFrom");
        issue("Issue with a date and no time", d -> d.with("validUntil", "2026-05-31"), "validUntil");
        issue("Issue with a non-canonical fraction", d -> d.with("issuedAt", "2025-05-31T08:00:00.000Z"), "issuedAt");
        issue("Issue with a non-canonical offset", d -> d.with("issuedAt", "2025-05-31T16:00:00+08:00"), "issuedAt");
        issue(
                "Issue performed backwards",
                d -> d.performed("2025-05-30T11:00:00Z", "2025-05-30T09:00:00Z"),
                "performedTo");
        issue("Issue issued before performance", d -> d.with("issuedAt", "2025-05-30T10:00:00Z"), "issuedAt");
        issue("Issue valid until its issue", d -> d.with("validUntil", "2025-05-31T08:00:00Z"), "validUntil");
        issue("Issue issued after the transaction", d -> d.with("issuedAt", "2025-06-01T08:00:01Z"), "issuedAt");
        issue(
                "Issue dated back further than the policy allows",
                d -> d.dated("2025-05-01T07:00:00Z", "2025-05-01T07:59:59Z", "2026-05-01T00:00:00Z"),
                "issuedAt");
        issue("Issue with an uppercase digest", d -> d.with("documentDigest", "A".repeat(64)), "documentDigest");
        issue("Issue with a short digest", d -> d.with("documentDigest", "abc"), "documentDigest");
        issue(
                "Issue with a float instead of a decimal string",
                d -> d.with("results", List.of(result("value", 1.5))),
                "results[0].value");
        issue(
                "Issue with a decimal that is not a number",
                d -> d.with("results", List.of(result("value", "1,5"))),
                "results[0].value");
        issue(
                "Issue with an exponent too large",
                d -> d.with("results", List.of(result("value", "1e99999999999"))),
                "results[0].value");
        issue(
                "Issue with a zero coverage factor",
                d -> d.with("results", List.of(result("coverageFactor", "0"))),
                "results[0].coverageFactor");
        issue("Issue with results not a list", d -> d.with("results", "many"), "results");
        issue("Issue with a method of 201 characters", d -> d.with("method", "M".repeat(201)), "method");
        issue("Issue with a location of 501 characters", d -> d.with("location", "L".repeat(501)), "location");
        issue("Issue with a blank signatory", d -> d.with("signatory", "  "), "signatory");
        issue("Issue with a control character", d -> d.with("conditions", "20 °C\u0007"), "conditions");
        issue(
                "Issue of a verification without a decision",
                d -> d.with("conformity", "NONE").without("decisionRule"),
                "conformity");
        issue(
                "Issue of a calibration without results",
                d -> d.with("kind", "CALIBRATION").without("results"),
                "results");
        issue(
                "Issue of a calibration result without uncertainty",
                d -> d.with("kind", "CALIBRATION").with("results", List.of(result("expandedUncertainty", null))),
                "results[0].expandedUncertainty");
        issue("Issue citing a certificate twice", d -> d.cites("STD-W", "C-W"), "traceability[1].certificateId");
        issue(
                "Issue citing a certificate of another standard",
                d -> d.with("traceability", List.of(Map.of("standardId", "STD-W", "certificateId", "C-R"))),
                "traceability[0].certificateId");
        issue("Issue with a previous", d -> d.with("previous", "C-1"), "previous");
        issue(
                "Issue whose id is not the ledger id of its uniqueIdentifier",
                d -> d.with("uniqueIdentifier", "Id 123456789 HtW"),
                "id");
        issue(
                "Issue with a uniqueIdentifier of 1025 characters",
                d -> d.with("uniqueIdentifier", "u".repeat(1025)),
                "uniqueIdentifier");
        issue(
                "Issue with a unit of 513 characters",
                d -> d.with("results", List.of(result("unit", "\\metre".repeat(85) + "\\mm"))),
                "results[0].unit");
        issue(
                "Issue with a coverage probability above one",
                d -> d.with("results", List.of(result("coverageProbability", "1.5"))),
                "results[0].coverageProbability");
        issue(
                "Issue with a coverage interval upside down",
                d -> d.with("results", List.of(interval("2.1", "1.9"))),
                "results[0].intervalMax");
        issue(
                "Issue with a coverage interval and an expanded uncertainty",
                d -> d.with("results", List.of(withExpanded(interval("1.9", "2.1")))),
                "results[0].expandedUncertainty");
        invalid("Issue that is not JSON", "certificate:Issue", "{", "request");
        invalid("Issue that is an array", "certificate:Issue", "[]", "request");
        invalid(
                "Issue with no signature",
                "certificate:Issue",
                Canonical.json(pumpVerification("C-NEW").fields()),
                "signature");
        String signed = pumpVerification("C-NEW").signedBy(world.northLabKey);
        cases.add(new Case(
                "Issue with a tampered signature",
                "certificate:Issue",
                signed.replaceFirst("\"signature\":\"M", "\"signature\":\"N"),
                ErrorCode.SIGNATURE_INVALID,
                "signature"));
        cases.add(new Case(
                "Issue changed after signing",
                "certificate:Issue",
                signed.replace("Station 7, pump 3", "Station 8, pump 3"),
                ErrorCode.SIGNATURE_INVALID,
                "signature"));
        cases.add(new Case(
                "Issue for an unknown instrument",
                "certificate:Issue",
                pumpVerification("C-NEW").with("subject", "pump-none").signedBy(world.northLabKey),
                ErrorCode.NOT_FOUND,
                "pump-none"));
        cases.add(new Case(
                "Issue citing an unknown standard",
                "certificate:Issue",
                pumpVerification("C-NEW").cites("STD-NONE", "C-R").signedBy(world.northLabKey),
                ErrorCode.NOT_FOUND,
                "STD-NONE"));
        cases.add(new Case(
                "Issue under a used id",
                "certificate:Issue",
                pumpVerification("C-1").signedBy(world.northLabKey),
                ErrorCode.CONFLICT,
                "C-1"));

        invalid(
                "Supersede without previous",
                "certificate:Supersede",
                pumpVerification("C-NEW").signedBy(world.northLabKey),
                "previous");
        invalid(
                "Supersede with a malformed previous",
                "certificate:Supersede",
                pumpVerification("C-NEW").with("previous", "C 1").signedBy(world.northLabKey),
                "previous");
        invalid(
                "Supersede with a non-canonical instant",
                "certificate:Supersede",
                pumpVerification("C-NEW")
                        .with("previous", "C-1")
                        .with("validUntil", "2026-05-31T00:00Z")
                        .signedBy(world.northLabKey),
                "validUntil");

        invalid("Revoke without reason", "certificate:Revoke", json("id", "C-1"), "reason");
        invalid("Revoke with a blank reason", "certificate:Revoke", json("id", "C-1", "reason", " "), "reason");
        invalid(
                "Revoke with a reason of 1001 characters",
                "certificate:Revoke",
                json("id", "C-1", "reason", "r".repeat(1001)),
                "reason");
        invalid("Revoke without id", "certificate:Revoke", json("reason", "r"), "id");
        invalid("Revoke with a numeric id", "certificate:Revoke", json("id", 1, "reason", "r"), "id");
        invalid("Revoke with an unknown field", "certificate:Revoke", json("id", "C-1", "reason", "r", "x", 1), "x");

        for (String function : List.of("certificate:Get", "certificate:History")) {
            invalid(function + " without id", function, "{}", "id");
            invalid(function + " with an id list", function, json("id", List.of("C-1")), "id");
            invalid(function + " with a malformed id", function, json("id", "C/../1 2"), "id");
        }
        invalid("ListBySubject without subject", "certificate:ListBySubject", "{}", "subject");
        invalid(
                "ListBySubject with page size 0",
                "certificate:ListBySubject",
                json("subject", CertificateLedger.PUMP, "pageSize", 0),
                "pageSize");
        invalid(
                "ListBySubject with page size 201",
                "certificate:ListBySubject",
                json("subject", CertificateLedger.PUMP, "pageSize", 201),
                "pageSize");
        invalid(
                "ListBySubject with a page size string",
                "certificate:ListBySubject",
                json("subject", CertificateLedger.PUMP, "pageSize", "10"),
                "pageSize");
        invalid(
                "ListBySubject with a foreign bookmark",
                "certificate:ListBySubject",
                json("subject", CertificateLedger.PUMP, "bookmark", "\u0000Lab\u0000x\u0000"),
                "bookmark");
        invalid("ListByLab without lab", "certificate:ListByLab", "{}", "lab");
        invalid(
                "ListByLab with a float page size",
                "certificate:ListByLab",
                json("lab", "l", "pageSize", 2.5),
                "pageSize");
        invalid("Current without subject", "certificate:Current", "{}", "subject");
        invalid("Verify without id", "certificate:Verify", "{}", "id");
        invalid("Verify with a bad digest", "certificate:Verify", json("id", "C-1", "digest", "xyz"), "digest");
        invalid("Verify with a malformed at", "certificate:Verify", json("id", "C-1", "at", "now"), "at");
        invalid("Verify with an unknown field", "certificate:Verify", json("id", "C-1", "when", "now"), "when");

        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Map<String, String> before = ledger.snapshot();
                    Simulation sim = ledger.bed.simulate(world.northLab, c.function(), c.request());
                    assertThat(sim.succeeded()).as("refused").isFalse();
                    String message = Fail.messageOf(sim.message());
                    assertThat(Fail.codeOf(sim.payload(), sim.message()).orElse(null))
                            .as(message)
                            .isEqualTo(c.code());
                    assertThat(message).contains(c.field());
                    if (c.code() == ErrorCode.INVALID_ARGUMENT) {
                        assertThat(message).as("names the field first").startsWith(c.field());
                    }
                    assertThat(sim.readWriteSet().writes()).isEmpty();
                    assertThat(ledger.snapshot()).isEqualTo(before);
                }));
    }
}
