package org.metroledger.gateway.web;

import java.util.Map;

/** Readable wording of the pledge kinds of an integrity commitment and of credit event types. */
final class Pledges {
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("USE_VERIFIED_INSTRUMENTS", new String[] {"使用经检定合格的计量器具", "Use only verified instruments"}),
            Map.entry(
                    "NO_OVERDUE_OR_FAILED_INSTRUMENTS",
                    new String[] {"不使用超期未检或检定不合格的器具", "Never use overdue or failed instruments"}),
            Map.entry("DISPLAY_VALUES_AND_UNITS", new String[] {"明示计量值和计量单位", "Display values and units"}),
            Map.entry("COMPENSATE_SHORT_WEIGHT", new String[] {"缺斤短两，赔偿损失", "Compensate any short weight"}),
            Map.entry("PREPACKAGED_GOODS_RULES", new String[] {"遵守定量包装商品计量规定", "Follow prepackaged-goods rules"}),
            Map.entry("ACCEPT_SUPERVISION", new String[] {"接受计量监督检查", "Accept metrological supervision"}),
            Map.entry("INSPECTION_PASSED", new String[] {"检查合格", "Inspection passed"}),
            Map.entry("OVERDUE_VERIFICATION", new String[] {"强检器具超期未检", "Overdue mandatory verification"}),
            Map.entry("INSPECTION_FAILED", new String[] {"检查不合格", "Inspection failed"}),
            Map.entry("SHORT_WEIGHT", new String[] {"缺斤短两", "Short weight"}),
            Map.entry("COMMITMENT_BREACHED", new String[] {"违背承诺", "Commitment breached"}),
            Map.entry("ADMINISTRATIVE_PENALTY", new String[] {"行政处罚", "Administrative penalty"}),
            Map.entry("FORGED_DATA", new String[] {"伪造数据", "Forged data"}),
            Map.entry("FALSE_CERTIFICATE", new String[] {"出具虚假证书", "False certificate"}),
            Map.entry("CHEATING_DEVICE", new String[] {"作弊器具", "Cheating device"}));

    private Pledges() {}

    /** The wording for a kind, or the kind itself when new to this page. */
    static String describe(String kind, Lang lang) {
        String[] words = WORDS.get(kind);
        return words == null ? kind : words[lang == Lang.ZH ? 0 : 1];
    }
}
