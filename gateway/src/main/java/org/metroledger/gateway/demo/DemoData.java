package org.metroledger.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.metroledger.chaincode.certificate.CertificateContract.BatchAnswer;
import org.metroledger.chaincode.certificate.CertificateContract.BatchRequest;
import org.metroledger.chaincode.certificate.CertificateContract.Revocation;
import org.metroledger.chaincode.certificate.CertificateRequest;
import org.metroledger.chaincode.commitment.CommitmentContract.Publication;
import org.metroledger.chaincode.credit.CreditContract.EventRecording;
import org.metroledger.chaincode.credit.CreditEventType;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.recognition.RecognitionContract.AgreementProposal;
import org.metroledger.chaincode.registration.RegistryContract.AuthorisationGrant;
import org.metroledger.chaincode.registration.RegistryContract.EntityRegistration;
import org.metroledger.chaincode.registration.RegistryContract.InstrumentRegistration;
import org.metroledger.chaincode.registration.RegistryContract.LabRegistration;
import org.metroledger.chaincode.registration.RegistryContract.ParticipantRegistration;
import org.metroledger.chaincode.registration.RegistryContract.RegionRegistration;
import org.metroledger.chaincode.registration.RegistryContract.StandardRegistration;
import org.metroledger.chaincode.registry.CreditCode;
import org.metroledger.chaincode.registry.EntityCategory;
import org.metroledger.chaincode.registry.StandardLevel;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.chaincode.state.ById;
import org.metroledger.gateway.auth.SecretFile;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.contracts.Written;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.identity.P256Keys;
import org.metroledger.gateway.qr.LabKeyring;

/**
 * Fills an empty ledger with a believable world through the public contract functions, as real
 * clients would: the three regions, two labs per region (whose signing keys stay in the data
 * directory so the demo can issue), a few named entities and instruments with a traceability chain
 * from a PRIMARY standard, certificates in every state, commitments, credit events and a
 * recognition agreement; and, so that every indicator has something to count, the nine provinces
 * of {@link DemoPlan} with their businesses, instruments, verifications and credit events. Every
 * demo user gets a token, listed in {@value #CREDENTIALS}.
 *
 * <p>Every transaction is dated now: the contracts let a certificate be dated up to the rating
 * policy's back-dating allowance (30 days) before it is recorded, and a credit event any time
 * before, so the past the demo shows is within those. Independent writes go in flight together
 * ({@link #send}) and are awaited by phase ({@link #settle}), which is what keeps the world's
 * thousand-odd transactions within seconds.
 */
public final class DemoData {
    /** The file, in the data directory, listing every demo user and its token. */
    public static final String CREDENTIALS = "demo-credentials.json";

    private static final String NORTH = IdentityStore.NORTH;
    private static final String EAST = IdentityStore.EAST;
    private static final String CENTRAL_SOUTH = IdentityStore.CENTRAL_SOUTH;
    private static final Map<String, String> ADMINS =
            Map.of(NORTH, "admin@north", EAST, "admin@east", CENTRAL_SOUTH, "admin@central-south");
    private static final Map<String, String> INSPECTORS =
            Map.of(NORTH, "inspector@north", EAST, "inspector@east", CENTRAL_SOUTH, "inspector@central-south");
    /** Certificates per IssueBatch transaction, at most. */
    private static final int BATCH = 50;

    /**
     * How much of the world to create: the named records only (small enough for the store damage
     * tests to ask about every record), or with the provinces the indicators count (what serve
     * creates).
     */
    public enum Extent {
        NAMED_RECORDS,
        WITH_PROVINCES
    }

    /** One demo user as written to the credentials file. */
    public record Credential(String name, String role, String msp, String token) {}

    private final Contracts contracts;
    private final IdentityStore identities;
    private final TokenBook tokens;
    private final LabKeyring keyring;
    private final Instant now;
    private final boolean provinces;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, KeyPair> labKeys = new LinkedHashMap<>();
    private final List<Credential> credentials = new ArrayList<>();
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();

    private DemoData(
            Contracts contracts, IdentityStore identities, TokenBook tokens, Path dataDir, Instant now, Extent extent) {
        this.contracts = contracts;
        this.provinces = extent == Extent.WITH_PROVINCES;
        this.identities = identities;
        this.tokens = tokens;
        this.keyring = LabKeyring.in(dataDir);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * True when the ledger holds no MetroLedger record, asked of the chaincode (a Fabric channel's
     * height counts its configuration and lifecycle blocks too): no region is registered, and no
     * other record can be written before its region is.
     */
    public static boolean wanted(Contracts contracts, Member reader) {
        return contracts.registry().listRegions(reader).join().value().isEmpty();
    }

    /** Creates the demo world and writes the credentials file; the ledger must be empty. */
    public static List<Credential> create(
            Contracts contracts, IdentityStore identities, TokenBook tokens, Path dataDir, Instant now, Extent extent) {
        DemoData demo = new DemoData(contracts, identities, tokens, dataDir, now, extent);
        demo.build();
        // The demo users' bearer tokens: readable by the gateway's own user only.
        SecretFile.write(dataDir.resolve(CREDENTIALS), Canonical.json(demo.credentials) + "\n");
        return List.copyOf(demo.credentials);
    }

    private void build() {
        user("admin@north", NORTH, "CENTRE_ADMIN", NodeOu.ADMIN);
        user("admin@east", EAST, "CENTRE_ADMIN", NodeOu.ADMIN);
        user("admin@central-south", CENTRAL_SOUTH, "CENTRE_ADMIN", NodeOu.ADMIN);
        region("admin@north", "华北", "北京", "天津", "河北", "山西", "内蒙古");
        region("admin@east", "华东", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东");
        region("admin@central-south", "中南", "河南", "湖北", "湖南", "广东", "广西", "海南");

        DemoPlan.LABS.forEach(this::lab);
        settle();
        // Legal verification needs the region's authorisation (法定计量检定授权) of the lab for the category.
        DemoPlan.LABS.forEach(lab ->
                lab.authorised().forEach(category -> authorise(ADMINS.get(lab.region()), lab.id(), category)));
        planned().forEach(this::entity);

        String station = entity("admin@north", "91110105MA01ABCD0", "中石化北京朝阳加油站", "北京", "FUEL_STATION");
        String market = entity("admin@east", "91310104MA1FQ7XK0", "上海徐汇农贸市场", "上海", "MARKET");
        String taxi = entity("admin@central-south", "91420100MA4K2T1G0", "武汉出租汽车有限公司", "湖北", "UTILITY");
        settle();

        participant("admin@north", "operator@lab-bj-nim", NORTH, "LAB", "lab-bj-nim");
        participant("admin@east", "operator@lab-sh-simt", EAST, "LAB", "lab-sh-simt");
        participant("admin@central-south", "operator@lab-hb-hbmtc", CENTRAL_SOUTH, "LAB", "lab-hb-hbmtc");
        participant("admin@north", "inspector@north", NORTH, "INSPECTOR", null);
        participant("admin@east", "inspector@east", EAST, "INSPECTOR", null);
        participant("admin@central-south", "inspector@central-south", CENTRAL_SOUTH, "INSPECTOR", null);
        participant("admin@north", "owner@station-bj", NORTH, "ENTITY", station);
        participant("admin@east", "owner@market-sh", EAST, "ENTITY", market);
        participant("admin@central-south", "owner@taxi-wh", CENTRAL_SOUTH, "ENTITY", taxi);
        settle();

        instrument("owner@station-bj", "BJ-DISP-001", station, "燃油加油机", "fuel-dispenser", "正星 ZX-2000", "3号泵");
        instrument("owner@station-bj", "BJ-DISP-002", station, "燃油加油机", "fuel-dispenser", "正星 ZX-2000", "4号泵");
        instrument("owner@station-bj", "BJ-DISP-003", station, "燃油加油机", "fuel-dispenser", "托肯 TK-6", "5号泵");
        instrument("owner@station-bj", "BJ-DISP-004", station, "燃油加油机", "fuel-dispenser", "托肯 TK-6", "6号泵");
        instrument("owner@market-sh", "SH-SCALE-001", market, "电子计价秤", "weighing", "凯丰 ACS-30", "A区12号摊位");
        instrument("owner@market-sh", "SH-SCALE-002", market, "电子计价秤", "weighing", "凯丰 ACS-30", "B区3号摊位");
        instrument("owner@taxi-wh", "WH-TAXI-001", taxi, "出租汽车计价器", "taxi-meter", "金晓 JX-8", "鄂A·T1234");
        plannedInstruments().forEach(this::instrument);
        settle();

        standard("admin@north", "STD-PRIMARY-VOL", "lab-bj-nim", "国家容量基准装置", "PRIMARY", "fuel-dispenser");
        standard("admin@north", "STD-WORK-VOL-BJ", "lab-bj-nim", "标准金属量器 20 L 二等", "WORKING", "fuel-dispenser");
        standard("admin@east", "STD-WORK-MASS-SH", "lab-sh-simt", "M1 等级砝码组", "WORKING", "weighing");
        standard("admin@central-south", "STD-WORK-TAXI-HB", "lab-hb-hbmtc", "出租汽车计价器检定装置", "WORKING", "taxi-meter");

        // The traceability chain: instrument certificates -> working standard -> PRIMARY standard.
        // Every certificate is dated within the rating policy's back-dating allowance (30 days).
        issue(calibration("CAL-PRIMARY-VOL", "lab-bj-nim", "STD-PRIMARY-VOL", days(-30), List.of()));
        List<Map<String, String>> viaWorking = List.of(link("STD-PRIMARY-VOL", "CAL-PRIMARY-VOL"));
        issue(calibration("CAL-WORK-VOL-BJ", "lab-bj-nim", "STD-WORK-VOL-BJ", days(-28), viaWorking));
        List<Map<String, String>> toPrimary = List.of(link("STD-WORK-VOL-BJ", "CAL-WORK-VOL-BJ"));

        verifications(toPrimary);
        issue(verification("VC-BJ-DISP-001", "lab-bj-nim", "BJ-DISP-001", days(-26), days(339), toPrimary));
        issue(verification("VC-BJ-DISP-002", "lab-bj-nim", "BJ-DISP-002", days(-25), days(340), toPrimary));
        submit(
                "operator@lab-bj-nim",
                contracts.certificates()::revoke,
                new Revocation("VC-BJ-DISP-002", "检定记录与原始数据不符"));
        issue(verification("VC-BJ-DISP-003", "lab-bj-nim", "BJ-DISP-003", days(-24), days(341), toPrimary));
        Map<String, Object> amended =
                verification("VC-BJ-DISP-003-A", "lab-bj-nim", "BJ-DISP-003", days(-20), days(345), toPrimary);
        amended.put("previous", "VC-BJ-DISP-003");
        submit("operator@lab-bj-nim", contracts.certificates()::supersede, signed("lab-bj-nim", amended));
        // Expired: a three-week verification after a repair, which lapsed yesterday.
        issue(verification("VC-BJ-DISP-004", "lab-bj-nim", "BJ-DISP-004", days(-22), days(-1), toPrimary));

        issue(verification("VC-SH-SCALE-001", "lab-sh-simt", "SH-SCALE-001", days(-15), days(350), toPrimary));
        issue(verification("VC-WH-TAXI-001", "lab-hb-hbmtc", "WH-TAXI-001", days(-10), days(355), toPrimary));

        commitment("owner@station-bj", "CMT-STATION-BJ", station);
        commitment("owner@market-sh", "CMT-MARKET-SH", market);
        creditEvent("inspector@north", "CE-BJ-001", station, "INSPECTION_PASSED", days(-12));
        creditEvent("inspector@east", "CE-SH-001", market, "SHORT_WEIGHT", days(-8));
        creditEvent("inspector@central-south", "CE-WH-001", taxi, "OVERDUE_VERIFICATION", days(-5));
        planned().forEach(this::creditHistory);

        submit(
                "admin@north",
                contracts.recognitions()::propose,
                typed(
                        AgreementProposal.class,
                        Map.of(
                                "id",
                                "RA-NORTH-EAST-2025",
                                "members",
                                List.of(NORTH, EAST),
                                "categories",
                                List.of("fuel-dispenser", "weighing"),
                                "conditions",
                                List.of("双方实验室均持有有效 CNAS 认可"),
                                "validFrom",
                                days(-1).toString(),
                                "validTo",
                                days(3 * 365).toString())));
        submit("admin@east", contracts.recognitions()::accept, new ById("RA-NORTH-EAST-2025"));
        settle();
    }

    private Instant days(long offset) {
        return now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(offset)).plus(Duration.ofHours(1));
    }

    private Member user(String name, String msp, String role, NodeOu ou) {
        Member member = identities.findOrIssue(msp, name, ou);
        members.put(name, member);
        credentials.add(new Credential(name, role, msp, tokens.issue(msp, name)));
        return member;
    }

    /** Calls a contract function as the demo user {@code who} and waits until it is committed. */
    private <T> void submit(
            String who, BiFunction<Member, Request<T>, CompletableFuture<? extends Written<?>>> function, T request) {
        function.apply(members.get(who), Request.of(request)).join();
    }

    /** Calls a contract function as {@code who} without waiting: {@link #settle} does. */
    private <T> void send(
            String who, BiFunction<Member, Request<T>, CompletableFuture<? extends Written<?>>> function, T request) {
        inFlight.add(function.apply(members.get(who), Request.of(request)));
    }

    /** Waits until everything sent is committed; the first failure fails the demo. */
    private void settle() {
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        inFlight.clear();
    }

    /** The demo's fields as the function's request record: a field the record lacks fails here. */
    private static <T> T typed(Class<T> request, Map<String, ?> fields) {
        return Canonical.mapper().convertValue(fields, request);
    }

    private void region(String admin, String name, String... provinces) {
        submit(admin, contracts.registry()::registerRegion, new RegionRegistration(name, List.of(provinces)));
    }

    private void lab(DemoPlan.Lab lab) {
        KeyPair key = P256Keys.generate();
        labKeys.put(lab.id(), key);
        keyring.add(lab.id(), key.getPrivate());
        List<Map<String, String>> scope = lab.scope().stream()
                .map(line -> Map.of(
                        "category",
                        line.category(),
                        "quantity",
                        line.quantity(),
                        "range",
                        line.range(),
                        "cmcUncertainty",
                        line.cmc()))
                .toList();
        Map<String, Object> accreditation = Map.of(
                "body",
                "CNAS",
                "number",
                "CNAS L" + (1000 + labKeys.size()),
                "validFrom",
                days(-3 * 365).toString(),
                "validUntil",
                days(3 * 365).toString(),
                "scope",
                scope);
        send(
                ADMINS.get(lab.region()),
                contracts.registry()::registerLab,
                typed(
                        LabRegistration.class,
                        Map.of(
                                "id",
                                lab.id(),
                                "name",
                                lab.name(),
                                "accreditation",
                                accreditation,
                                "publicKey",
                                LabSignature.pem(key.getPublic()))));
    }

    private void authorise(String admin, String lab, String category) {
        send(
                admin,
                contracts.registry()::grantAuthorisation,
                new AuthorisationGrant(
                        lab, category, days(-3 * 365).toString(), days(3 * 365).toString()));
    }

    private String entity(String admin, String first17, String name, String province, String category) {
        String id = first17.substring(0, 17) + CreditCode.checkCharacter(first17.substring(0, 17));
        send(
                admin,
                contracts.registry()::registerEntity,
                new EntityRegistration(id, name, province, EntityCategory.valueOf(category)));
        return id;
    }

    private void participant(String admin, String name, String msp, String role, String organisation) {
        Member member = user(name, msp, role, NodeOu.CLIENT);
        send(
                admin,
                contracts.registry()::registerParticipant,
                new ParticipantRegistration(
                        name.replace('@', '.'), member.certificatePem(), Role.valueOf(role), organisation, name));
    }

    private void instrument(
            String owner, String id, String entity, String type, String category, String model, String location) {
        send(
                owner,
                contracts.registry()::registerInstrument,
                new InstrumentRegistration(
                        id, entity, type, model.split(" ")[0], model, "SN-" + id, location, true, category));
    }

    private List<DemoPlan.Business> planned() {
        return provinces ? DemoPlan.entities() : List.of();
    }

    private List<DemoPlan.Instrument> plannedInstruments() {
        return provinces ? DemoPlan.instruments() : List.of();
    }

    private void entity(DemoPlan.Business business) {
        send(
                ADMINS.get(business.province().region()),
                contracts.registry()::registerEntity,
                new EntityRegistration(
                        business.id(), business.name(), business.province().name(), business.trade().category));
    }

    private void instrument(DemoPlan.Instrument planned) {
        DemoPlan.Trade trade = planned.owner().trade();
        send(
                ADMINS.get(planned.owner().province().region()),
                contracts.registry()::registerInstrument,
                new InstrumentRegistration(
                        planned.id(),
                        planned.owner().id(),
                        trade.instrumentType,
                        trade.model.split(" ")[0],
                        trade.model,
                        "SN-" + planned.id(),
                        planned.owner().name() + " " + planned.number() + "号",
                        planned.mandatory(),
                        trade.instrumentCategory));
    }

    /**
     * The planned instruments' verifications, each lab's in batches of up to {@value #BATCH} (one
     * transaction each, as a lab's batch goes; small enough that the batches spread over the
     * endorsers), an instrument's certificates always in one batch (two batches holding one
     * instrument would both rewrite its coverage and conflict).
     */
    private void verifications(List<Map<String, String>> links) {
        Map<String, List<JsonNode>> open = new LinkedHashMap<>();
        List<DemoPlan.Instrument> planned = plannedInstruments();
        for (int i = 0; i < planned.size(); i++) {
            DemoPlan.Instrument instrument = planned.get(i);
            String lab = instrument.owner().province().lab();
            List<CertificateRequest> certificates = certificates(i, instrument, links);
            List<JsonNode> batch = open.computeIfAbsent(lab, l -> new ArrayList<>());
            if (batch.size() + certificates.size() > BATCH) {
                issueBatch(lab, batch);
                batch = new ArrayList<>();
                open.put(lab, batch);
            }
            certificates.forEach(c -> open.get(lab).add(Canonical.mapper().valueToTree(c)));
        }
        open.forEach(this::issueBatch);
        settle();
    }

    private void issueBatch(String lab, List<JsonNode> batch) {
        inFlight.add(contracts
                .certificates()
                .issueBatch(members.get("operator@" + lab), Request.of(new BatchRequest(List.copyOf(batch))))
                .thenAccept(written -> requireAllIssued(lab, written.record().value())));
    }

    /**
     * The {@code i}th planned instrument's verifications as its fate has them, dated within the
     * back-dating allowance: performed 2 to 26 days ago, after the working standard's calibration
     * they cite.
     */
    private List<CertificateRequest> certificates(int i, DemoPlan.Instrument instrument, List<?> links) {
        String lab = instrument.owner().province().lab();
        String id = "VC-" + instrument.id();
        Instant performed = days(-2 - (i * 7L) % 25);
        Instant year = performed.plus(Duration.ofDays(365));
        BiFunction<Instant, Instant, CertificateRequest> pass =
                (from, until) -> planned(id, lab, instrument, from, until, true, links);
        return switch (instrument.fate()) {
            case VALID -> List.of(pass.apply(performed, year));
            case EXPIRING_30 -> List.of(pass.apply(performed, days(3 + i % 27)));
            case EXPIRING_60 -> List.of(pass.apply(performed, days(31 + i % 29)));
            case EXPIRING_90 -> List.of(pass.apply(performed, days(61 + i % 29)));
            case EXPIRED -> List.of(pass.apply(days(-20 - i % 6), days(-1 - i % 10)));
            case FAILED -> List.of(planned(id, lab, instrument, performed, year, false, links));
            case REPAIRED -> {
                Instant failed = days(-15 - i % 10);
                yield List.of(
                        planned(id + "-F", lab, instrument, failed, failed.plus(Duration.ofDays(365)), false, links),
                        pass.apply(days(-2 - i % 10), year));
            }
            case NEVER_VERIFIED -> List.of();
        };
    }

    private static void requireAllIssued(String lab, BatchAnswer answer) {
        if (answer.refused() > 0) {
            throw new IllegalStateException("demo batch of " + lab + ": " + answer.refused() + " refused, first "
                    + answer.items().stream()
                            .filter(item -> item.code() != null)
                            .findFirst()
                            .orElseThrow());
        }
    }

    private CertificateRequest planned(
            String id,
            String lab,
            DemoPlan.Instrument instrument,
            Instant performed,
            Instant validUntil,
            boolean pass,
            List<?> links) {
        Map<String, Object> c = verification(id, lab, instrument.id(), performed, validUntil, links);
        c.put("method", DemoPlan.METHODS.get(instrument.owner().trade().instrumentCategory));
        if (!pass) {
            c.put("conformity", "FAIL");
            c.put("results", List.of(result("示值误差", "+0.62", "%", "0.05")));
        }
        return signed(lab, c);
    }

    /** The business's credit events in order (each rewrites its grade timeline, so one after another). */
    private void creditHistory(DemoPlan.Business business) {
        Member inspector = members.get(INSPECTORS.get(business.province().region()));
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        List<DemoPlan.Event> events = DemoPlan.events(business);
        for (int k = 0; k < events.size(); k++) {
            DemoPlan.Event event = events.get(k);
            String id = "CE-" + business.province().code() + "-E" + business.serial() + "-" + (k + 1);
            EventRecording recording = new EventRecording(
                    id, business.id(), event.type(), days(-event.daysAgo()).toString(), sha256(id), null);
            chain = chain.thenCompose(done -> contracts.credit().recordEvent(inspector, Request.of(recording)));
        }
        inFlight.add(chain);
    }

    private void standard(String admin, String id, String holder, String description, String level, String category) {
        submit(
                admin,
                contracts.registry()::registerStandard,
                new StandardRegistration(id, holder, description, StandardLevel.valueOf(level), category));
    }

    private static Map<String, String> link(String standardId, String certificateId) {
        return Map.of("standardId", standardId, "certificateId", certificateId);
    }

    private Map<String, Object> verification(
            String id, String lab, String instrument, Instant performed, Instant validUntil, List<?> links) {
        Map<String, Object> c = base(id, lab, instrument, "INSTRUMENT", performed, validUntil, links);
        c.put("kind", "VERIFICATION");
        c.put("method", "JJG 443-2015");
        c.put("conformity", "PASS");
        c.put("decisionRule", "最大允许误差 ±0.3 %");
        c.put("results", List.of(result("示值误差", "-0.12", "%", "0.05")));
        return c;
    }

    private Map<String, Object> calibration(String id, String lab, String standard, Instant performed, List<?> links) {
        Map<String, Object> c =
                base(id, lab, standard, "STANDARD", performed, performed.plus(Duration.ofDays(730)), links);
        c.put("kind", "CALIBRATION");
        c.put("method", "JJF 1033-2023");
        c.put("conformity", "NONE");
        c.put("results", List.of(result("容量", "20.0012", "L", "0.0004")));
        return c;
    }

    private Map<String, Object> base(
            String id,
            String lab,
            String subject,
            String subjectType,
            Instant performed,
            Instant validUntil,
            List<?> links) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("issuer", lab);
        c.put("subject", subject);
        c.put("subjectType", subjectType);
        c.put("performedFrom", performed.toString());
        c.put("performedTo", performed.plus(Duration.ofHours(2)).toString());
        c.put("issuedAt", performed.plus(Duration.ofDays(1)).toString());
        c.put("validUntil", validUntil.toString());
        c.put("location", "现场");
        c.put("conditions", "20 °C, 45 %RH");
        c.put("traceability", links);
        c.put("documentDigest", sha256(id));
        c.put("signatory", "王力");
        return c;
    }

    private static Map<String, String> result(String quantity, String value, String unit, String uncertainty) {
        return Map.of(
                "quantity", quantity,
                "value", value,
                "unit", unit,
                "expandedUncertainty", uncertainty,
                "coverageFactor", "2");
    }

    private void issue(Map<String, Object> certificate) {
        String lab = (String) certificate.get("issuer");
        submit("operator@" + lab, contracts.certificates()::issue, signed(lab, certificate));
    }

    /** Signs as a lab does: over the canonical JSON of everything but the signature. */
    private CertificateRequest signed(String lab, Map<String, Object> certificate) {
        CertificateRequest unsigned = typed(CertificateRequest.class, certificate);
        return unsigned.withSignature(LabSignature.sign(labKeys.get(lab).getPrivate(), Canonical.bytes(unsigned)));
    }

    private void commitment(String owner, String id, String entity) {
        List<Map<String, String>> items = List.of(
                Map.of("kind", "USE_VERIFIED_INSTRUMENTS"),
                Map.of("kind", "NO_OVERDUE_OR_FAILED_INSTRUMENTS"),
                Map.of("kind", "DISPLAY_VALUES_AND_UNITS"),
                Map.of("kind", "COMPENSATE_SHORT_WEIGHT"));
        submit(
                owner,
                contracts.commitments()::publish,
                typed(Publication.class, Map.of("id", id, "entity", entity, "items", items, "textDigest", sha256(id))));
    }

    private void creditEvent(String inspector, String id, String entity, String type, Instant occurredAt) {
        submit(
                inspector,
                contracts.credit()::recordEvent,
                new EventRecording(id, entity, CreditEventType.valueOf(type), occurredAt.toString(), sha256(id), null));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
