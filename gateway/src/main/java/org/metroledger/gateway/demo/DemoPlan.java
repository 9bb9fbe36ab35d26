package org.metroledger.gateway.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.credit.CreditEventType;
import org.metroledger.chaincode.registry.CreditCode;
import org.metroledger.chaincode.registry.EntityCategory;
import org.metroledger.gateway.identity.IdentityStore;

/**
 * What the demo's nine supervised provinces hold, decided here and written by {@link DemoData}: in
 * each, a fuel station, a market, a taxi company, a water utility and a hospital with their
 * instruments, and for each instrument the fate of its verification, in shares that differ by
 * region so that one region misses the 92 % coverage target and the others meet it. The plan is
 * arithmetic, not random, so every demo world is the same and its figures can be quoted.
 */
final class DemoPlan {
    private DemoPlan() {}

    /** A province, its region, its short code (for ids), its division code (for credit codes) and the lab that verifies there. */
    record Province(String region, String name, String code, String division, String lab) {}

    /** A kind of supervised business, the category and number of the instruments it keeps. */
    enum Trade {
        FUEL_STATION(EntityCategory.FUEL_STATION, "fuel-dispenser", "燃油加油机", "正星 ZX-2000", 8, "%s中油第%d加油站"),
        MARKET(EntityCategory.MARKET, "weighing", "电子计价秤", "凯丰 ACS-30", 14, "%s第%d农贸市场"),
        TAXI_COMPANY(EntityCategory.TAXI_COMPANY, "taxi-meter", "出租汽车计价器", "金晓 JX-8", 10, "%s第%d出租汽车公司"),
        UTILITY(EntityCategory.UTILITY, "water-meter", "水表", "宁水 LXS-50", 6, "%s第%d供水公司"),
        HOSPITAL(EntityCategory.HOSPITAL, "sphygmomanometer", "血压计", "鱼跃 YE-680", 6, "%s第%d人民医院");

        final EntityCategory category;
        final String instrumentCategory;
        final String instrumentType;
        final String model;
        final int instruments;
        final String name;

        Trade(
                EntityCategory category,
                String instrumentCategory,
                String instrumentType,
                String model,
                int instruments,
                String name) {
            this.category = category;
            this.instrumentCategory = instrumentCategory;
            this.instrumentType = instrumentType;
            this.model = model;
            this.instruments = instruments;
            this.name = name;
        }
    }

    /** The verification regulation (检定规程) of each instrument category the demo knows. */
    static final Map<String, String> METHODS = Map.of(
            "fuel-dispenser", "JJG 443-2015",
            "weighing", "JJG 539-2016",
            "taxi-meter", "JJG 517-2016",
            "water-meter", "JJG 162-2019",
            "sphygmomanometer", "JJG 692-2010");

    /** A line of a lab's accreditation scope; its range is two numbers and a unit, so a range search finds it. */
    record Capability(String category, String quantity, String range, String cmc) {}

    /** A lab: its region, name and scope, and the categories its region authorises it to verify. */
    record Lab(String region, String id, String name, List<Capability> scope, List<String> authorised) {}

    /**
     * Each region's centre lab, which verifies everything its provinces hold, and a second lab with
     * a narrower scope and wider ranges, so that a catalogue search by range tells them apart: 100 kg
     * finds the Tianjin and Jiangsu labs, 5,000 kg none.
     */
    static final List<Lab> LABS = List.of(
            centreLab(IdentityStore.NORTH, "lab-bj-nim", "北京市计量检测科学研究院", "(0-30) kg"),
            new Lab(
                    IdentityStore.NORTH,
                    "lab-tj-tjmi",
                    "天津市计量监督检测科学研究院",
                    List.of(
                            new Capability("weighing", "质量", "(0-150) kg", "2 g"),
                            new Capability("water-meter", "流量", "(0.016-100) m3/h", "0.2 %")),
                    List.of("weighing", "water-meter")),
            centreLab(IdentityStore.EAST, "lab-sh-simt", "上海市计量测试技术研究院", "(0-60) kg"),
            new Lab(
                    IdentityStore.EAST,
                    "lab-js-jsmi",
                    "江苏省计量科学研究院",
                    List.of(
                            new Capability("fuel-dispenser", "流量", "(5-150) L/min", "0.03 %"),
                            new Capability("weighing", "质量", "(0-3000) kg", "0.5 kg")),
                    List.of("fuel-dispenser", "weighing")),
            centreLab(IdentityStore.CENTRAL_SOUTH, "lab-hb-hbmtc", "湖北省计量测试技术研究院", "(0-30) kg"),
            new Lab(
                    IdentityStore.CENTRAL_SOUTH,
                    "lab-gd-gdmi",
                    "广东省计量科学研究院",
                    List.of(
                            new Capability("taxi-meter", "里程", "(0-10) km", "0.1 %"),
                            new Capability("sphygmomanometer", "压力", "(0-300) mmHg", "0.5 mmHg")),
                    List.of("taxi-meter")));

    private static Lab centreLab(String region, String id, String name, String weighingRange) {
        List<Capability> scope = List.of(
                new Capability("fuel-dispenser", "流量", "(5-60) L/min", "0.05 %"),
                new Capability("weighing", "质量", weighingRange, "0.5 g"),
                new Capability("taxi-meter", "里程", "(0-5) km", "0.2 %"),
                new Capability("water-meter", "流量", "(0.016-16) m3/h", "0.3 %"),
                new Capability("sphygmomanometer", "压力", "(0-40) kPa", "0.1 kPa"));
        return new Lab(
                region,
                id,
                name,
                scope,
                scope.stream().map(Capability::category).toList());
    }

    /** What became of an instrument's verification, as the indicators will count it. */
    enum Fate {
        /** A PASS verification valid for a year. */
        VALID,
        /** A PASS verification whose validity ends within 30 days. */
        EXPIRING_30,
        EXPIRING_60,
        EXPIRING_90,
        /** Failed, repaired and verified again: a FAIL and a later PASS. */
        REPAIRED,
        /** Failed and not verified since: overdue. */
        FAILED,
        /** Its PASS verification lapsed some days ago: overdue. */
        EXPIRED,
        /** Never verified: overdue. */
        NEVER_VERIFIED
    }

    /** A supervised business of the plan: its province, trade, serial number, credit code and name. */
    record Business(Province province, Trade trade, int serial, String id, String name) {}

    /** One instrument of the plan: its owner, whether it is under mandatory verification, its fate. */
    record Instrument(String id, Business owner, int number, boolean mandatory, Fate fate) {}

    static final List<Province> PROVINCES = List.of(
            new Province(IdentityStore.NORTH, "北京", "BJ", "110105", "lab-bj-nim"),
            new Province(IdentityStore.NORTH, "天津", "TJ", "120101", "lab-bj-nim"),
            new Province(IdentityStore.NORTH, "河北", "HE", "130102", "lab-bj-nim"),
            new Province(IdentityStore.EAST, "上海", "SH", "310104", "lab-sh-simt"),
            new Province(IdentityStore.EAST, "江苏", "JS", "320102", "lab-sh-simt"),
            new Province(IdentityStore.EAST, "浙江", "ZJ", "330102", "lab-sh-simt"),
            new Province(IdentityStore.CENTRAL_SOUTH, "湖北", "HB", "420100", "lab-hb-hbmtc"),
            new Province(IdentityStore.CENTRAL_SOUTH, "湖南", "HN", "430102", "lab-hb-hbmtc"),
            new Province(IdentityStore.CENTRAL_SOUTH, "广东", "GD", "440103", "lab-hb-hbmtc"));

    /**
     * Per cent of a region's mandatory instruments by fate (the rest VALID): FAILED, EXPIRED and
     * NEVER_VERIFIED are the overdue ones, 7 % in the north, 4 % in the east, 14 % in the centre-south.
     */
    private static final Map<String, int[]> OVERDUE_SHARES = Map.of(
            IdentityStore.NORTH, new int[] {3, 1, 3},
            IdentityStore.EAST, new int[] {1, 1, 2},
            IdentityStore.CENTRAL_SOUTH, new int[] {4, 4, 6});

    /** Every entity of the plan, province by province. */
    static List<Business> entities() {
        List<Business> entities = new ArrayList<>();
        int serial = 0;
        for (Province p : PROVINCES) {
            for (Trade t : Trade.values()) {
                serial++;
                String first17 = "91" + p.division() + "MA" + String.format("%07d", serial);
                entities.add(new Business(
                        p,
                        t,
                        serial,
                        first17 + CreditCode.checkCharacter(first17),
                        String.format(t.name, p.name(), serial)));
            }
        }
        return entities;
    }

    /**
     * Every instrument of the plan. A region's mandatory instruments are dealt fates in the order 37 steps
     * apart modulo 100, so each fate's share is exact per hundred and the overdue ones are spread
     * over the entities rather than bunched in one.
     */
    static List<Instrument> instruments() {
        List<Instrument> instruments = new ArrayList<>();
        Map<String, int[]> dealt = new HashMap<>();
        for (Business e : entities()) {
            for (int n = 1; n <= e.trade().instruments; n++) {
                // A utility's last two meters measure its own use, not its customers': not mandatory.
                boolean mandatory = e.trade() != Trade.UTILITY || n <= e.trade().instruments - 2;
                int[] count = dealt.computeIfAbsent(e.province().region(), r -> new int[1]);
                Fate fate = mandatory ? fate(e.province().region(), (count[0]++ * 37) % 100) : Fate.VALID;
                instruments.add(
                        new Instrument(String.format("%s-%s-%03d", code(e), tag(e.trade()), n), e, n, mandatory, fate));
            }
        }
        return instruments;
    }

    private static Fate fate(String region, int slot) {
        int[] overdue = OVERDUE_SHARES.get(region);
        int[] shares = {4, 4, 4, 3, overdue[0], overdue[1], overdue[2]};
        Fate[] fates = {
            Fate.EXPIRING_30,
            Fate.EXPIRING_60,
            Fate.EXPIRING_90,
            Fate.REPAIRED,
            Fate.FAILED,
            Fate.EXPIRED,
            Fate.NEVER_VERIFIED
        };
        int bound = 0;
        for (int i = 0; i < shares.length; i++) {
            bound += shares[i];
            if (slot < bound) {
                return fates[i];
            }
        }
        return Fate.VALID;
    }

    /** One credit event of the plan: its type and how many days before now it happened. */
    record Event(CreditEventType type, int daysAgo) {}

    /**
     * The entity's credit events, oldest first, in a pattern of twenty: half stay A on passed
     * inspections; others fall to B, C or D; one has a failure older than the two years it counts
     * for; one a short weight whose two years end within three weeks.
     */
    static List<Event> events(Business e) {
        return switch (e.serial() % 20) {
            case 10, 11, 12, 13 ->
                List.of(
                        new Event(CreditEventType.OVERDUE_VERIFICATION, 200),
                        new Event(CreditEventType.INSPECTION_FAILED, 60));
            case 14 -> List.of(new Event(CreditEventType.SHORT_WEIGHT, 715));
            case 15 -> List.of(new Event(CreditEventType.SHORT_WEIGHT, 300));
            case 16, 17 ->
                List.of(
                        new Event(CreditEventType.SHORT_WEIGHT, 500),
                        new Event(CreditEventType.ADMINISTRATIVE_PENALTY, 90));
            case 18 ->
                List.of(
                        new Event(CreditEventType.INSPECTION_FAILED, 800),
                        new Event(CreditEventType.INSPECTION_PASSED, 120));
            case 19 -> List.of(new Event(CreditEventType.FORGED_DATA, 150));
            default ->
                List.of(
                        new Event(CreditEventType.INSPECTION_PASSED, 400 - 10 * (e.serial() % 20)),
                        new Event(CreditEventType.INSPECTION_PASSED, 100 - 3 * (e.serial() % 20)));
        };
    }

    private static String code(Business e) {
        return e.province().code() + "-E" + e.serial();
    }

    private static String tag(Trade t) {
        return switch (t) {
            case FUEL_STATION -> "DISP";
            case MARKET -> "SCALE";
            case TAXI_COMPANY -> "TAXI";
            case UTILITY -> "WATER";
            case HOSPITAL -> "BP";
        };
    }
}
