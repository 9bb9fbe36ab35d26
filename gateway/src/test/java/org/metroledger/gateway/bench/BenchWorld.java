package org.metroledger.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.EntityCategory;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.e2e.CertificateRequests;
import org.metroledger.gateway.e2e.HttpWorld;
import org.metroledger.gateway.e2e.Namespace;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.simulation.CertificateAuthority;

/**
 * The benchmark's world, written through the contracts by a {@link BulkLoader}: the three regions,
 * one lab accredited and authorised in every region for {@value #CATEGORIES} instrument categories,
 * a calibration chain PRIMARY → REFERENCE → WORKING standard per category, market entities of every
 * {@link EntityCategory} in every region ({@value #INSTRUMENTS_PER_ENTITY} instruments each), the
 * instruments, and the certificates spread over them, each citing its category's working standard
 * (three links to the root). Also signs, ahead of the clock, the certificates a lab would send.
 *
 * <p>With a loader that moves time ({@link BulkLoader#open}), the world has history: it starts 550
 * days ago, each instrument's certificates are a month apart (closer when it has more than six), and its last one decides its state
 * today: about 10 % of instruments are overdue (their last certificate expired 1-25 days ago), 10 %
 * expiring within 30 days, the rest current; each certificate is recorded an hour after it was
 * issued, on the day it was issued. On a ledger that keeps its own time (Fabric) every certificate
 * was performed 25 days ago and is valid for 335 more.
 */
public final class BenchWorld {
    private static final String NORTH = IdentityStore.NORTH;

    /** The divisions of the entities' credit codes: Beijing, Shanghai and Guangdong enterprises. */
    private static final Map<String, String> DIVISIONS = Map.of(
            NORTH, HttpWorld.BEIJING, IdentityStore.EAST, HttpWorld.SHANGHAI, IdentityStore.CENTRAL_SOUTH, "91440000");

    private static final Map<String, String> PROVINCES =
            Map.of(NORTH, "北京", IdentityStore.EAST, "上海", IdentityStore.CENTRAL_SOUTH, "广东");

    static final int CATEGORIES = 4;
    static final int INSTRUMENTS_PER_ENTITY = 50;

    /**
     * Certificates per transaction (certificate:IssueBatch), as {@code issue --csv} sends them: a lab
     * with a million certificates sends batches, and a batch costs one proposal, identity check and
     * block entry instead of 200.
     */
    static final int BATCH = 200;

    /** The first day of a world with history, relative to today. */
    private static final int FIRST_DAY = -550;

    private static final int CALIBRATION_DAY = -545;
    private static final int VALIDITY_DAYS = 365;
    private static final int MONTH = 30;
    /** Days between an instrument's first and last certificate, at most. */
    private static final int MAX_SPREAD = 150;

    private static final List<String> LEVELS = List.of("PRIMARY", "REFERENCE", "WORKING");

    /**
     * What the world holds.
     *
     * @param certificates verification certificates
     * @param instruments instruments they verify, spread round-robin (at least one each when there
     *     are as many certificates)
     */
    public record Shape(int certificates, int instruments) {
        public Shape {
            if (certificates < 1 || instruments < 1) {
                throw new IllegalArgumentException("certificates and instruments must be at least 1");
            }
        }
    }

    private final Namespace ns;
    private final Shape shape;
    private final String lab;
    private final String labUser;
    private final Member operator;
    private final Map<String, Member> admins;
    private final KeyPair labKey = CertificateAuthority.newKeyPair();
    private final Instant today;
    private final int entitiesPerRegion;
    private boolean history;

    /** The lab operator's bearer token. */
    public final String labToken;

    private final Member inspector;

    /** The bearer token of an inspector of North, who may read the named overdue list. */
    public final String inspectorToken;

    private BenchWorld(IdentityStore identities, TokenBook tokens, Shape shape, Instant now, Namespace ns) {
        this.ns = ns;
        this.shape = shape;
        // Midnight: the certificate requests perform at T00 and issue at T03 of a day.
        this.today = now.truncatedTo(ChronoUnit.DAYS);
        this.lab = ns.id("lab-bench");
        this.labUser = "operator@" + lab;
        this.admins = Map.of(
                NORTH,
                identities.findOrIssue(NORTH, "admin@north", NodeOu.ADMIN),
                IdentityStore.EAST,
                identities.findOrIssue(IdentityStore.EAST, "admin@east", NodeOu.ADMIN),
                IdentityStore.CENTRAL_SOUTH,
                identities.findOrIssue(IdentityStore.CENTRAL_SOUTH, "admin@central-south", NodeOu.ADMIN));
        this.operator = identities.findOrIssue(NORTH, labUser, NodeOu.CLIENT);
        this.labToken = tokens.issue(NORTH, labUser);
        // One name per namespace: on Fabric the ledger binds a certificate to one participant.
        String inspectorUser = "inspector@" + lab;
        this.inspector = identities.findOrIssue(NORTH, inspectorUser, NodeOu.CLIENT);
        this.inspectorToken = tokens.issue(NORTH, inspectorUser);
        int perRegion =
                (shape.instruments() + IdentityStore.ORGANISATIONS.size() - 1) / IdentityStore.ORGANISATIONS.size();
        this.entitiesPerRegion = Math.max(1, (perRegion + INSTRUMENTS_PER_ENTITY - 1) / INSTRUMENTS_PER_ENTITY);
    }

    /**
     * Writes the world through {@code loader}, registering a region unless the ledger has it; the
     * ids are in {@code ns}, so a world can go on a ledger that earlier runs wrote.
     */
    public static BenchWorld build(
            BulkLoader loader, IdentityStore identities, TokenBook tokens, Shape shape, Instant now, Namespace ns) {
        BenchWorld world = new BenchWorld(identities, tokens, shape, now, ns);
        world.build(loader);
        return world;
    }

    /** The earliest transaction time of a world built {@code now}: open the loader's clock there. */
    public static Instant start(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(FIRST_DAY));
    }

    /** The lab operator, who signs the issuances. */
    Member operator() {
        return operator;
    }

    /** A centre admin of North, who may write the probe. */
    Member admin() {
        return admins.get(NORTH);
    }

    public Shape shape() {
        return shape;
    }

    /** The id of certificate {@code n} (0 to certificates - 1); it verifies instrument {@code n % instruments}. */
    public String certificateId(int n) {
        return ns.id("VC-" + n);
    }

    /** The id of instrument {@code n} (0 to instruments - 1). */
    public String instrumentId(int n) {
        return ns.id("INS-" + n);
    }

    /** The instrument category {@code n} (0 to {@value #CATEGORIES} - 1). */
    public String category(int n) {
        return ns.id("CAT-" + n);
    }

    /** The lab that issued every certificate. */
    public String lab() {
        return lab;
    }

    /** The region (MSP) of instrument {@code n}'s owner. */
    public static String regionOf(int instrument) {
        return IdentityStore.ORGANISATIONS.get(instrument % IdentityStore.ORGANISATIONS.size());
    }

    /** Whether instrument {@code n}'s last certificate expired (history worlds only). */
    public boolean overdue(int instrument) {
        return history && bucket(instrument) < 10;
    }

    /** Whether instrument {@code n}'s last certificate expires within 30 days (history worlds only). */
    public boolean expiring(int instrument) {
        return history && bucket(instrument) >= 10 && bucket(instrument) < 20;
    }

    /** The ids of every certificate. */
    public List<String> certificateIds() {
        return IntStream.range(0, shape.certificates())
                .mapToObj(this::certificateId)
                .toList();
    }

    /**
     * Signed issuance requests for the instruments, {@code count} of them with fresh ids, signed on
     * both cores before the clock starts; each performed 20 days ago.
     */
    List<String> signedIssuances(String prefix, int count) {
        return IntStream.range(0, count)
                .parallel()
                .mapToObj(n -> signed(verification(ns.id(prefix + n), n % shape.instruments(), days(-20), days(345))))
                .toList();
    }

    /**
     * A lab's CSV for {@code issue --csv}: {@code rows} new verification certificates with fresh ids,
     * row n of instrument n modulo the instruments (so the batches in flight hold different
     * instruments, as a lab's day of work does), each performed 20 days ago and citing its category's
     * working standard, as {@link #signedIssuances} requests do.
     */
    String csv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("id,kind,subject,method,performedFrom,performedTo,issuedAt,validUntil,"
                + "location,conformity,decisionRule,signatory,documentDigest,traceability,quantity,value,unit,"
                + "expandedUncertainty,coverageFactor\n");
        Instant performed = days(-20);
        for (int n = 0; n < rows; n++) {
            int instrument = n % shape.instruments();
            int category = categoryOf(instrument);
            csv.append(String.join(
                            ",",
                            ns.id(prefix + n),
                            "VERIFICATION",
                            instrumentId(instrument),
                            "JJG 443-2015",
                            performed.toString(),
                            performed.plus(Duration.ofHours(2)).toString(),
                            performed.plus(Duration.ofHours(3)).toString(),
                            days(345).toString(),
                            "pump 3",
                            "PASS",
                            "MPE 0.3 %",
                            "Wang Li",
                            CertificateRequests.DIGEST,
                            standard(category, "WORKING") + "=" + calibrationId(category, "WORKING"),
                            "volume error",
                            "-0.12",
                            "%",
                            "0.05",
                            "2"))
                    .append('\n');
        }
        return csv.toString();
    }

    /** The lab's private key as PKCS#8 PEM, as {@code issue --key} reads it. */
    byte[] labKeyPem() {
        return HttpWorld.privateKeyPem(labKey.getPrivate());
    }

    private void build(BulkLoader loader) {
        history = loader.movesTime();
        loader.at(days(history ? FIRST_DAY : 0));
        for (String msp : IdentityStore.ORGANISATIONS) {
            if (!regionRegistered(loader, msp)) {
                loader.submit(
                        admins.get(msp),
                        "registry:RegisterRegion",
                        Canonical.json(Map.of("name", "region " + msp, "provinces", List.of(PROVINCES.get(msp)))));
            }
        }
        List<Map<String, String>> scope = IntStream.range(0, CATEGORIES)
                .mapToObj(c -> Map.of(
                        "category", category(c), "quantity", "volume", "range", "0-100 L", "cmcUncertainty", "0.1 %"))
                .toList();
        Map<String, Object> accreditation = Map.of(
                "body",
                "CNAS",
                "number",
                "CNAS L0001",
                "validFrom",
                days(-1000).toString(),
                "validUntil",
                days(1000).toString(),
                "scope",
                scope);
        loader.submit(
                admin(),
                "registry:RegisterLab",
                Canonical.json(Map.of(
                        "id",
                        lab,
                        "name",
                        "Bench lab",
                        "accreditation",
                        accreditation,
                        "publicKey",
                        LabSignature.pem(labKey.getPublic()))));
        inEveryRegion(
                loader,
                entitiesPerRegion,
                "registry:RegisterEntity",
                (msp, e) -> Map.of(
                        "id",
                        entity(msp, e),
                        "name",
                        "Bench entity " + e,
                        "province",
                        PROVINCES.get(msp),
                        "category",
                        EntityCategory.values()[e % EntityCategory.values().length].name()));
        loader.await();
        loader.submit(
                admin(),
                "registry:RegisterParticipant",
                Canonical.json(Map.of(
                        "id",
                        ns.id("operator.lab-bench"),
                        "certificate",
                        operator.certificatePem(),
                        "role",
                        "LAB",
                        "name",
                        labUser,
                        "organisation",
                        lab)));
        loader.submit(
                admin(),
                "registry:RegisterParticipant",
                Canonical.json(Map.of(
                        "id",
                        ns.id("inspector.north"),
                        "certificate",
                        inspector.certificatePem(),
                        "role",
                        "INSPECTOR",
                        "name",
                        "inspector of " + lab)));
        inEveryRegion(
                loader,
                CATEGORIES,
                "registry:GrantAuthorisation",
                (msp, c) -> Map.of(
                        "lab",
                        lab,
                        "category",
                        category(c),
                        "validFrom",
                        days(-1000).toString(),
                        "validUntil",
                        days(1000).toString()));
        for (int c = 0; c < CATEGORIES; c++) {
            for (String level : LEVELS) {
                loader.submit(
                        admin(),
                        "registry:RegisterStandard",
                        Canonical.json(Map.of(
                                "id",
                                standard(c, level),
                                "holder",
                                lab,
                                "description",
                                level,
                                "level",
                                level,
                                "category",
                                category(c))));
            }
        }
        for (int i = 0; i < shape.instruments(); i++) {
            String msp = regionOf(i);
            loader.submit(
                    admins.get(msp),
                    "registry:RegisterInstrument",
                    Canonical.json(HttpWorld.instrumentRegistration(
                            instrumentId(i),
                            entity(msp, (i / IdentityStore.ORGANISATIONS.size()) % entitiesPerRegion),
                            category(categoryOf(i)))));
        }
        loader.await();
        // Each calibration cites the one before it: three rounds.
        Instant calibrated = days(history ? CALIBRATION_DAY : -29);
        loader.at(calibrated.plus(Duration.ofHours(4)));
        for (int l = 0; l < LEVELS.size(); l++) {
            for (int c = 0; c < CATEGORIES; c++) {
                loader.submit(operator, "certificate:Issue", signed(calibration(c, l, calibrated)));
            }
            loader.await();
        }
        issueCertificates(loader);
        loader.await();
    }

    /** Submits {@code count} requests in each region, by its admin: {@code request(msp, 0..count-1)}. */
    private void inEveryRegion(
            BulkLoader loader, int count, String function, BiFunction<String, Integer, Map<String, ?>> request) {
        for (String msp : IdentityStore.ORGANISATIONS) {
            for (int n = 0; n < count; n++) {
                loader.submit(admins.get(msp), function, Canonical.json(request.apply(msp, n)));
            }
        }
    }

    /** The certificates in the order of their days, each day's signed on both cores. */
    private void issueCertificates(BulkLoader loader) {
        int first = history ? FIRST_DAY : -25;
        int days = 1 - first;
        int[] perDay = new int[days + 1];
        for (int n = 0; n < shape.certificates(); n++) {
            perDay[dayOf(n) - first + 1]++;
        }
        for (int d = 1; d <= days; d++) {
            perDay[d] += perDay[d - 1];
        }
        int[] next = perDay.clone();
        int[] byDay = new int[shape.certificates()];
        for (int n = 0; n < shape.certificates(); n++) {
            byDay[next[dayOf(n) - first]++] = n;
        }
        for (int d = 0; d < days; d++) {
            int from = perDay[d];
            int to = perDay[d + 1];
            for (int chunk = from; chunk < to; chunk += BulkLoader.BLOCK) {
                List<String> signed = IntStream.range(chunk, Math.min(to, chunk + BulkLoader.BLOCK))
                        .parallel()
                        .mapToObj(k -> signed(certificate(byDay[k])))
                        .toList();
                loader.at(days(first + d).plus(Duration.ofHours(4)));
                for (int b = 0; b < signed.size(); b += BATCH) {
                    List<String> batch = signed.subList(b, Math.min(signed.size(), b + BATCH));
                    loader.submit(
                            operator,
                            "certificate:IssueBatch",
                            "{\"certificates\":[" + String.join(",", batch) + "]}",
                            batch.size(),
                            BenchWorld::refusedItem);
                }
            }
        }
    }

    /** The first item a batch answer refused, with its code and message; null when it issued every item. */
    private static String refusedItem(String answer) {
        JsonNode batch = Canonical.tree(answer, "answer");
        if (batch.path("refused").asInt() == 0) {
            return null;
        }
        for (JsonNode item : batch.path("items")) {
            if (!item.path("code").isMissingNode() && !item.path("code").isNull()) {
                return item.path("id").asText() + ": " + item.path("code").asText() + " "
                        + item.path("message").asText();
            }
        }
        return batch.path("refused").asInt() + " items";
    }

    /** The day (relative to today) certificate {@code n} was performed and issued. */
    private int dayOf(int n) {
        if (!history) {
            return -25;
        }
        int instrument = n % shape.instruments();
        int round = n / shape.instruments();
        int rounds = shape.certificates() / shape.instruments()
                + (instrument < shape.certificates() % shape.instruments() ? 1 : 0);
        // A month apart, closer when an instrument has many, so that all fit after the calibrations.
        int gap = rounds > 1 ? Math.min(MONTH, MAX_SPREAD / (rounds - 1)) : MONTH;
        return lastDay(instrument) - gap * (rounds - 1 - round);
    }

    /** The day of the instrument's last certificate, which decides whether it is overdue or expiring. */
    private int lastDay(int instrument) {
        int bucket = bucket(instrument);
        int spread = Math.floorMod(instrument * 7919, 1000);
        if (bucket < 10) {
            return -VALIDITY_DAYS - 1 - spread % 25;
        }
        if (bucket < 20) {
            return -VALIDITY_DAYS + 1 + spread % 29;
        }
        return -1 - spread % 335;
    }

    private static int bucket(int instrument) {
        return (int) Math.floorMod(instrument * 2654435761L, 100L);
    }

    private Map<String, Object> certificate(int n) {
        Instant performed = days(dayOf(n));
        return verification(
                certificateId(n),
                n % shape.instruments(),
                performed,
                history ? performed.plus(Duration.ofDays(VALIDITY_DAYS)) : days(335));
    }

    private static int categoryOf(int instrument) {
        return (instrument / IdentityStore.ORGANISATIONS.size()) % CATEGORIES;
    }

    private boolean regionRegistered(BulkLoader loader, String msp) {
        try {
            loader.ledger()
                    .evaluate(admins.get(msp), "registry:GetRegion", List.of(Canonical.json(Map.of("id", msp))))
                    .join();
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof LedgerException refused && refused.code() == ApiCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private String entity(String msp, int n) {
        return ns.creditCode(DIVISIONS.get(msp), n);
    }

    private String standard(int category, String level) {
        return ns.id("STD-" + category + "-" + level);
    }

    private String calibrationId(int category, String level) {
        return ns.id("CAL-" + category + "-" + level);
    }

    private Map<String, Object> calibration(int category, int level, Instant performed) {
        String name = LEVELS.get(level);
        Map<String, Object> c = CertificateRequests.primaryCalibration(
                calibrationId(category, name), lab, standard(category, name), performed.toString());
        c.put("validUntil", performed.plus(Duration.ofDays(730)).toString());
        c.put(
                "traceability",
                level == 0
                        ? List.of()
                        : List.of(CertificateRequests.link(
                                standard(category, LEVELS.get(level - 1)),
                                calibrationId(category, LEVELS.get(level - 1)))));
        return c;
    }

    private Map<String, Object> verification(String id, int instrument, Instant performed, Instant validUntil) {
        int category = categoryOf(instrument);
        List<Map<String, String>> links =
                List.of(CertificateRequests.link(standard(category, "WORKING"), calibrationId(category, "WORKING")));
        Map<String, Object> c = CertificateRequests.verification(
                id, lab, instrumentId(instrument), performed.toString(), new ArrayList<>(links));
        c.put("validUntil", validUntil.toString());
        return c;
    }

    private String signed(Map<String, Object> request) {
        return CertificateRequests.signed(labKey.getPrivate(), request);
    }

    private Instant days(long offset) {
        return today.plus(Duration.ofDays(offset));
    }
}
