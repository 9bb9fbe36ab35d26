package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * Gathers what {@code /dashboard} shows: the indicators of the chosen place and day, one row per
 * region (or per province of the chosen region), and the named overdue list when the signed-in
 * member may read it. Every figure comes from the indicator contract's tallies.
 */
final class Dashboard {
    /** The page's query parameters, as the form sends them. */
    static final List<String> PARAMETERS = List.of("region", "province", "category", "entityCategory", "at", "since");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int LISTED = 100;

    /** The page's parts. {@code overdue} is null when nobody signed in who may read names. */
    record View(
            Map<String, String> query,
            List<JsonNode> regions,
            JsonNode figures,
            List<Row> rows,
            JsonNode overdue,
            boolean signedIn) {}

    /** One place of the breakdown: its name, the query that shows it, its figures. */
    record Row(String label, Map<String, String> query, JsonNode figures) {}

    private final Contracts contracts;
    private final Member reader;

    Dashboard(Contracts contracts, Member reader) {
        this.contracts = contracts;
        this.reader = reader;
    }

    CompletableFuture<View> view(Map<String, String> query, Optional<Member> member) {
        Map<String, Object> request = request(query);
        CompletableFuture<List<JsonNode>> regions = contracts
                .registry()
                .listRegions(reader)
                .thenApply(answer -> {
                    List<JsonNode> list = new ArrayList<>();
                    answer.tree().forEach(list::add);
                    return list;
                });
        CompletableFuture<JsonNode> figures = summary(request);
        CompletableFuture<List<Row>> rows = regions.thenCompose(list -> rows(query, request, list));
        CompletableFuture<JsonNode> overdue =
                member.map(who -> overdue(who, request)).orElse(CompletableFuture.completedFuture(null));
        return CompletableFuture.allOf(regions, figures, rows, overdue)
                .thenApply(done -> new View(
                        query, regions.join(), figures.join(), rows.join(), overdue.join(), member.isPresent()));
    }

    /** The regions, or the chosen region's provinces, each with its own figures; none once a province is chosen. */
    private CompletableFuture<List<Row>> rows(
            Map<String, String> query, Map<String, Object> request, List<JsonNode> regions) {
        List<Row> rows = new ArrayList<>();
        if (query.containsKey("province")) {
            return CompletableFuture.completedFuture(rows);
        }
        List<CompletableFuture<Row>> pending = new ArrayList<>();
        for (JsonNode region : regions) {
            String msp = Field.of(region, "msp");
            if (!query.containsKey("region")) {
                pending.add(row(Field.of(region, "name") + " · " + msp, query, request, "region", msp));
            } else if (msp.equals(query.get("region"))) {
                region.path("provinces")
                        .forEach(p -> pending.add(row(p.asText(), query, request, "province", p.asText())));
            }
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(done -> pending.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<Row> row(
            String label, Map<String, String> query, Map<String, Object> request, String field, String value) {
        Map<String, String> rowQuery = new LinkedHashMap<>(query);
        rowQuery.put(field, value);
        Map<String, Object> rowRequest = new LinkedHashMap<>(request);
        rowRequest.put(field, value);
        rowRequest.put("months", 1);
        return summary(rowRequest).thenApply(figures -> new Row(label, rowQuery, figures));
    }

    private CompletableFuture<JsonNode> summary(Map<String, Object> request) {
        return contracts
                .indicators()
                .summary(reader, Request.sent(Canonical.json(request)))
                .thenApply(Answer::tree);
    }

    /** The named list, or null when the member's role may not read it. */
    private CompletableFuture<JsonNode> overdue(Member who, Map<String, Object> request) {
        Map<String, Object> list = new LinkedHashMap<>();
        for (String field : List.of("region", "province", "category", "at")) {
            if (request.containsKey(field)) {
                list.put(field, request.get(field));
            }
        }
        list.put("limit", LISTED);
        return contracts
                .indicators()
                .overdue(who, Request.sent(Canonical.json(list)))
                .<JsonNode>thenApply(Answer::tree)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof LedgerException e && e.code() == ApiCode.FORBIDDEN) {
                        return null;
                    }
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                });
    }

    /**
     * The contract's request: blank fields left out, and a date from the form's date inputs read
     * as the end of that UTC day (the figures of a day are those at its end).
     */
    static Map<String, Object> request(Map<String, String> query) {
        Map<String, Object> request = new LinkedHashMap<>();
        query.forEach((name, value) -> request.put(
                name,
                ("at".equals(name) || "since".equals(name))
                                && DATE.matcher(value).matches()
                        ? value + "T23:59:59Z"
                        : value));
        return request;
    }

    /** The page's own parameters, trimmed, blank ones left out. */
    static Map<String, String> query(io.vertx.core.MultiMap parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                query.put(name, value.trim());
            }
        }
        return query;
    }
}
