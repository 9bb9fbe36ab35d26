package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.gateway.qr.ChinaDate;

/**
 * An inspector's view of one entity ({@code /inspect/entities/{id}}): grade, score over time,
 * every credit event with the transaction that recorded it, and the entity's commitments.
 */
final class InspectorPage {
    /**
     * What the ledger holds about the entity.
     *
     * @param rating credit:Rating now
     * @param series the score at each event and now, oldest first
     * @param events credit:History items, oldest first
     * @param commitments commitment:ListByEntity items
     */
    record EntityCredit(
            JsonNode entity,
            JsonNode rating,
            List<ScoreChart.Point> series,
            List<JsonNode> events,
            List<JsonNode> commitments) {}

    private InspectorPage() {}

    static String render(Lang lang, String path, EntityCredit credit) {
        return PageFrame.render(lang, Text.INSPECT_TITLE, path, Map.of(), html -> {
            html.open("section", "class", "card");
            Definitions.open(html, lang, "facts")
                    .row(Text.OWNER, Field.of(credit.entity(), "name"), "entity-name")
                    .row(Text.ENTITY_ID, Field.of(credit.entity(), "id"), "entity-id")
                    .row(
                            Text.REGION,
                            Field.of(credit.entity(), "province") + " · " + Field.of(credit.entity(), "region"))
                    .close();
            CreditBadge.render(html, lang, credit.rating());
            html.close();

            html.card(Text.SCORE_OVER_TIME.in(lang));
            html.svg(ScoreChart.draw(credit.series(), Text.SCORE_OVER_TIME.in(lang)));
            html.close();

            events(html, lang, credit);

            html.card(Text.COMMITMENTS.in(lang));
            if (credit.commitments().isEmpty()) {
                Commitments.render(html, lang, null);
            }
            for (JsonNode commitment : credit.commitments()) {
                html.element("h3", Field.of(commitment, "id"));
                Commitments.render(html, lang, commitment);
                html.element("p", Text.TX_ID.in(lang) + " " + Field.of(commitment, "txId"), "class", "mono muted");
            }
            html.close();
        });
    }

    private static void events(Html html, Lang lang, EntityCredit credit) {
        Map<String, JsonNode> contributions = new HashMap<>();
        credit.rating().path("contributions").forEach(c -> contributions.put(Field.of(c, "eventId"), c));
        html.card(Text.EVENTS.in(lang));
        html.open("div", "class", "scroll");
        html.open("table", "class", "events", "id", "events");
        html.open("thead").open("tr");
        for (Text heading : new Text[] {Text.OCCURRED_AT, Text.EVENT_TYPE, Text.POINTS, Text.TX_ID}) {
            html.element("th", heading.in(lang));
        }
        html.close().close();
        html.open("tbody");
        for (JsonNode event : credit.events()) {
            String id = Field.of(event, "id");
            JsonNode contribution = contributions.get(id);
            boolean repaired = event.path("repaired").asBoolean(false);
            html.open("tr", "class", repaired ? "repaired" : null, "id", "event-" + id);
            html.element("td", ChinaDate.date(Field.of(event, "occurredAt")));
            html.element(
                    "td",
                    Pledges.describe(Field.of(event, "type"), lang)
                            + (repaired ? " (" + Text.REPAIRED.in(lang) + ")" : ""));
            html.element("td", points(contribution), "class", "num");
            html.element("td", Field.of(event, "txId"), "class", "mono");
            html.close();
        }
        html.close();
        html.close();
        html.close();
        html.close();
    }

    private static String points(JsonNode contribution) {
        if (contribution == null) {
            return "—";
        }
        if (!contribution.path("counted").asBoolean(false)) {
            return "0 (" + Field.of(contribution, "whyNot") + ")";
        }
        int points = contribution.path("points").asInt();
        return points > 0 ? "+" + points : String.valueOf(points);
    }
}
