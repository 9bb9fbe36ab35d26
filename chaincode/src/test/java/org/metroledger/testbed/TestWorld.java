package org.metroledger.testbed;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.CreditCode;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.Member;

/**
 * A registered world on a {@link TestBed}: the three regions, a lab and a market entity in North
 * and in East, and one member for every role, so every contract test starts from the same place.
 */
public final class TestWorld {
    public static final String LAB_NORTH = "lab-north-1";
    public static final String LAB_EAST = "lab-east-1";
    public static final String ENTITY_NORTH = withCheck("91110000600037341");
    public static final String ENTITY_EAST = withCheck("91310000MA1FL8Q2R");
    /** Categories every test lab is accredited for. */
    public static final String[] CATEGORIES = {"fuel-dispenser", "weighing", "temperature"};

    public final TestBed bed = new TestBed();
    public final Member northAdmin = bed.admin(TestBed.NORTH);
    public final Member eastAdmin = bed.admin(TestBed.EAST);
    public final Member centralSouthAdmin = bed.admin(TestBed.CENTRAL_SOUTH);
    public final Member northLab = bed.client(TestBed.NORTH, "operator@" + LAB_NORTH);
    public final Member eastLab = bed.client(TestBed.EAST, "operator@" + LAB_EAST);
    public final Member northInspector = bed.client(TestBed.NORTH, "inspector@north");
    public final Member eastInspector = bed.client(TestBed.EAST, "inspector@east");
    public final Member northEntity = bed.client(TestBed.NORTH, "owner@" + ENTITY_NORTH);
    public final Member eastEntity = bed.client(TestBed.EAST, "owner@" + ENTITY_EAST);
    /** A certificate of NorthMSP's CA that nobody registered: it holds no role. */
    public final Member stranger = bed.client(TestBed.NORTH, "stranger");

    public final KeyPair northLabKey = CertificateAuthority.newKeyPair();
    public final KeyPair eastLabKey = CertificateAuthority.newKeyPair();

    public TestWorld() {
        region(northAdmin, "华北", "北京");
        region(eastAdmin, "华东", "上海");
        region(centralSouthAdmin, "中南", "湖北");
        lab(northAdmin, LAB_NORTH, northLabKey);
        lab(eastAdmin, LAB_EAST, eastLabKey);
        entity(northAdmin, ENTITY_NORTH, "北京", "FUEL_STATION");
        entity(eastAdmin, ENTITY_EAST, "上海", "MARKET");
        participant(northAdmin, "p-north-lab", northLab, Role.LAB, LAB_NORTH);
        participant(eastAdmin, "p-east-lab", eastLab, Role.LAB, LAB_EAST);
        participant(northAdmin, "p-north-inspector", northInspector, Role.INSPECTOR, null);
        participant(eastAdmin, "p-east-inspector", eastInspector, Role.INSPECTOR, null);
        participant(northAdmin, "p-north-entity", northEntity, Role.ENTITY, ENTITY_NORTH);
        participant(eastAdmin, "p-east-entity", eastEntity, Role.ENTITY, ENTITY_EAST);
        for (String category : CATEGORIES) {
            authorise(northAdmin, LAB_NORTH, category);
            authorise(eastAdmin, LAB_EAST, category);
        }
    }

    /** The admin's region lets the lab verify instruments of the category there, 2020 to 2030. */
    public void authorise(Member admin, String lab, String category) {
        bed.submit(admin, "registry:GrantAuthorisation", authorisation(lab, category));
    }

    /** A GrantAuthorisation request valid 2020 to 2030. */
    public static String authorisation(String lab, String category) {
        return Canonical.json(Map.of(
                "lab",
                lab,
                "category",
                category,
                "validFrom",
                "2020-01-01T00:00:00Z",
                "validUntil",
                "2030-01-01T00:00:00Z"));
    }

    /** An engagement request of a lab for a subject (INSTRUMENT or STANDARD). */
    public static String engagement(String id, String lab, String subject, String subjectType) {
        return Canonical.json(Map.of("id", id, "lab", lab, "subject", subject, "subjectType", subjectType));
    }

    /** Every kind of caller, by a readable name, for authorisation matrices. */
    public Map<String, Member> everyCaller() {
        Map<String, Member> callers = new LinkedHashMap<>();
        callers.put("north centre admin", northAdmin);
        callers.put("east centre admin", eastAdmin);
        callers.put("central-south centre admin", centralSouthAdmin);
        callers.put("north lab", northLab);
        callers.put("east lab", eastLab);
        callers.put("north inspector", northInspector);
        callers.put("east inspector", eastInspector);
        callers.put("north entity", northEntity);
        callers.put("east entity", eastEntity);
        callers.put("unregistered identity", stranger);
        return callers;
    }

    /** Signs a request as a lab does: over the canonical JSON of everything but the signature. */
    public static String signed(KeyPair labKey, Map<String, Object> request) {
        Map<String, Object> unsigned = new LinkedHashMap<>(request);
        unsigned.remove("signature");
        String signature = LabSignature.sign(labKey.getPrivate(), Canonical.bytes(unsigned));
        unsigned.put("signature", signature);
        return Canonical.json(unsigned);
    }

    public static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    private void region(Member admin, String name, String province) {
        bed.submit(admin, "registry:RegisterRegion", Canonical.json(Map.of("name", name, "provinces", new String[] {
            province
        })));
    }

    /**
     * Registers another lab in the admin's region, accredited for {@link #CATEGORIES} over the
     * period given, and an operator for it; answers the operator.
     */
    public Member labWithOperator(Member admin, String id, KeyPair key, String validFrom, String validUntil) {
        lab(admin, id, key, validFrom, validUntil);
        Member operator = bed.client(admin.mspId(), "operator@" + id);
        participant(admin, "p-" + id, operator, Role.LAB, id);
        return operator;
    }

    /** Accredited since 1950, so that certificates dated as the shared DCC examples (1957) can be recorded. */
    private void lab(Member admin, String id, KeyPair key) {
        lab(admin, id, key, "1950-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
    }

    private void lab(Member admin, String id, KeyPair key, String validFrom, String validUntil) {
        Map<String, Object> accreditation = new LinkedHashMap<>();
        accreditation.put("body", "CNAS");
        accreditation.put("number", "L" + Math.abs(id.hashCode() % 10000));
        accreditation.put("validFrom", validFrom);
        accreditation.put("validUntil", validUntil);
        accreditation.put(
                "scope",
                java.util.Arrays.stream(CATEGORIES)
                        .map(c ->
                                Map.of("category", c, "quantity", "q-" + c, "range", "0-100", "cmcUncertainty", "0.1%"))
                        .toList());
        bed.submit(
                admin,
                "registry:RegisterLab",
                Canonical.json(Map.of(
                        "id",
                        id,
                        "name",
                        "Lab " + id,
                        "accreditation",
                        accreditation,
                        "publicKey",
                        LabSignature.pem(key.getPublic()))));
    }

    private void entity(Member admin, String id, String province, String category) {
        bed.submit(
                admin,
                "registry:RegisterEntity",
                Canonical.json(Map.of("id", id, "name", "Entity " + id, "province", province, "category", category)));
    }

    private void participant(Member admin, String id, Member member, Role role, String organisation) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("certificate", member.certificatePem());
        request.put("role", role.name());
        request.put("name", id);
        if (organisation != null) {
            request.put("organisation", organisation);
        }
        bed.submit(admin, "registry:RegisterParticipant", Canonical.json(request));
    }
}
