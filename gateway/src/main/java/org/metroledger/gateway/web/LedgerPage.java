package org.metroledger.gateway.web;

import java.util.List;
import java.util.Map;
import org.metroledger.gateway.ledger.BlockSummary;
import org.metroledger.gateway.qr.ChinaDate;

/** The ledger's recent blocks, newest first, with every transaction and how it was validated. */
final class LedgerPage {
    private LedgerPage() {}

    static String render(Lang lang, String backend, long height, List<BlockSummary> blocks) {
        return PageFrame.render(lang, Text.LEDGER_TITLE, "/ledger", Map.of(), html -> {
            html.open("section", "class", "card");
            Definitions.open(html, lang, "facts")
                    .row(Text.HEIGHT, String.valueOf(height), "height")
                    .row(Text.BACKEND, backend)
                    .close();
            html.close();
            html.element("h2", Text.RECENT_BLOCKS.in(lang));
            for (BlockSummary block : blocks) {
                html.open("section", "class", "card block", "id", "block-" + block.number());
                html.element("h3", Text.BLOCK.in(lang) + " #" + block.number());
                Definitions.open(html, lang, "facts")
                        .row(Text.TIME, ChinaDate.dateTime(block.timestamp()))
                        .row(Text.HASH, block.hash())
                        .close();
                if (!block.transactions().isEmpty()) {
                    html.open("div", "class", "scroll");
                    html.open("table", "class", "transactions");
                    html.open("thead").open("tr");
                    for (Text heading : new Text[] {Text.FUNCTION, Text.CREATOR, Text.VALIDATION, Text.TX_ID}) {
                        html.element("th", heading.in(lang));
                    }
                    html.close().close();
                    html.open("tbody");
                    for (BlockSummary.TransactionSummary tx : block.transactions()) {
                        html.open("tr", "class", "VALID".equals(tx.validationCode()) ? null : "invalid-tx");
                        html.element("td", tx.function());
                        html.element("td", tx.creatorMsp());
                        html.element("td", Text.term(tx.validationCode(), lang));
                        html.element("td", tx.txId(), "class", "mono");
                        html.close();
                    }
                    html.close().close().close();
                }
                html.close();
            }
        });
    }
}
