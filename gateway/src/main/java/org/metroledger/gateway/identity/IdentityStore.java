package org.metroledger.gateway.identity;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.metroledger.simulation.CertificateAuthority;

/**
 * The gateway's wallet of named members, enrolled on demand, and for the embedded ledger its
 * organisations: one CA per regional MSP and the orderer's identity, created on first start. All
 * kept as PEM files in the data directory: {@code msp/<MSP>/members/<name>.pem|.key}, and embedded
 * only {@code msp/<MSP>/ca.pem|ca.key} and {@code msp/<ORDERER_MSP>/orderers/orderer.pem|.key}.
 * On Fabric ({@link #enrollingAt}) members come from each organisation's Fabric CA and the gateway
 * holds no CA key. Private keys are readable by the owner only.
 */
public final class IdentityStore {
    public static final String NORTH = "NorthMSP";
    public static final String EAST = "EastMSP";
    public static final String CENTRAL_SOUTH = "CentralSouthMSP";
    /** The demo regions, in a fixed order. */
    public static final List<String> ORGANISATIONS = List.of(NORTH, EAST, CENTRAL_SOUTH);
    /** The MSP whose CA issues the embedded orderer's identity. */
    public static final String ORDERER_MSP = NORTH;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._-]{0,99}");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final String ORDERER_NAME = "orderer";

    private final Path root;
    private final Clock clock;
    private final Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();
    /** The embedded organisations' CRLs (none on Fabric, whose CRLs are in the channel configuration). */
    private final Map<String, RevocationList> revocations = new LinkedHashMap<>();
    /**
     * Members read or issued so far. A stored member never changes (issue refuses to overwrite), so
     * the bearer-token lookup of every request reads memory instead of parsing PEM files under a lock.
     */
    private final Map<String, Member> members = new ConcurrentHashMap<>();

    private final Member orderer;
    private final Enrolment enrolment;

    /** A wallet whose members a Fabric CA enrols: no local CA, no orderer. */
    private IdentityStore(Path root, Clock clock, Enrolment enrolment) {
        this.root = root;
        this.clock = clock;
        this.enrolment = enrolment;
        this.orderer = null;
    }

    private IdentityStore(Path root, Clock clock, boolean create) {
        this.root = root;
        this.clock = clock;
        this.enrolment = (msp, name, ou) -> issue(authority(msp), name, ou);
        for (String msp : ORGANISATIONS) {
            authorities.put(msp, create ? loadOrCreateAuthority(msp) : loadAuthority(msp));
            revocations.put(msp, RevocationList.open(root.resolve(msp).resolve("crl.pem")));
        }
        Path ordererFiles = root.resolve(ORDERER_MSP).resolve("orderers").resolve(ORDERER_NAME);
        Optional<Member> stored = load(ORDERER_MSP, ordererFiles);
        if (stored.isPresent()) {
            orderer = stored.get();
        } else if (create) {
            orderer = save(
                    issue(authorities.get(ORDERER_MSP), ORDERER_NAME + "." + domain(ORDERER_MSP), NodeOu.ORDERER),
                    ordererFiles);
        } else {
            throw new IllegalStateException("no orderer identity at " + ordererFiles + ".pem");
        }
    }

    /** A member the embedded ledger's CA issues now, as the gateway holds it. */
    private Member issue(CertificateAuthority authority, String name, NodeOu ou) {
        org.metroledger.simulation.Member issued = authority.issue(name, ou.ou(), clock.instant());
        return new Member(issued.mspId(), issued.certificate(), issued.privateKey());
    }

    /** Opens the identities under {@code <dataDir>/msp}, creating the CAs and the orderer on first start. */
    public static IdentityStore open(Path dataDir, Clock clock) {
        return new IdentityStore(dataDir.resolve("msp"), clock, true);
    }

    /** Opens the wallet under {@code <dataDir>/msp}, whose new members {@code enrolment} enrols. */
    public static IdentityStore enrollingAt(Path dataDir, Clock clock, Enrolment enrolment) {
        return new IdentityStore(dataDir.resolve("msp"), clock, enrolment);
    }

    /** Opens existing identities only, for tools such as the chain verifier that must not create any. */
    public static IdentityStore openExisting(Path dataDir) {
        return new IdentityStore(dataDir.resolve("msp"), Clock.systemUTC(), false);
    }

    public List<String> organisations() {
        return ORGANISATIONS;
    }

    /** The embedded ledger's CA of an MSP. */
    public CertificateAuthority authority(String msp) {
        if (!ORGANISATIONS.contains(msp)) {
            throw new IllegalArgumentException("msp '" + msp + "' is not one of " + ORGANISATIONS);
        }
        CertificateAuthority authority = authorities.get(msp);
        if (authority == null) {
            throw new IllegalStateException("this wallet's members come from Fabric CAs; it holds no CA");
        }
        return authority;
    }

    /**
     * Revokes a certificate at the embedded organisation's CA: its CRL gains the serial, and from
     * then on {@link #isRevoked} says so (what the embedded ledger checks every creator against).
     *
     * @throws IllegalArgumentException for an unknown MSP or reason code
     */
    public void revoke(String msp, BigInteger serial, String reasonCode) {
        revocations(msp).revoke(authority(msp), serial, reasonCode, clock.instant());
    }

    /** Whether the member's certificate is on its embedded organisation's CRL. */
    public boolean isRevoked(Member member) {
        RevocationList list = revocations.get(member.mspId());
        return list != null && list.contains(member.certificate().getSerialNumber());
    }

    private RevocationList revocations(String msp) {
        authority(msp);
        return revocations.get(msp);
    }

    /** The embedded orderer's identity, whose key signs every block. */
    public Member orderer() {
        if (orderer == null) {
            throw new IllegalStateException("this wallet's members come from Fabric CAs; it holds no orderer");
        }
        return orderer;
    }

    /**
     * Issues a new member of an MSP and stores it.
     *
     * @throws IllegalArgumentException for an unknown MSP or a name that is not a plain file name
     * @throws IllegalStateException when a member of that name exists already
     */
    public synchronized Member issue(String msp, String name, NodeOu ou) {
        knownMsp(msp);
        Path files = memberFiles(msp, name);
        if (Files.exists(pem(files))) {
            throw new IllegalStateException("member '" + name + "' of " + msp + " exists already");
        }
        Member issued = save(enrolment.enrol(msp, name, ou), files);
        members.put(memberKey(msp, name), issued);
        return issued;
    }

    /** A stored member, or empty. */
    public Optional<Member> find(String msp, String name) {
        Member known = members.get(memberKey(msp, name));
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) {
            knownMsp(msp);
            Optional<Member> stored = load(msp, memberFiles(msp, name));
            stored.ifPresent(member -> members.put(memberKey(msp, name), member));
            return stored;
        }
    }

    private static void knownMsp(String msp) {
        if (!ORGANISATIONS.contains(msp)) {
            throw new IllegalArgumentException("msp '" + msp + "' is not one of " + ORGANISATIONS);
        }
    }

    private static String memberKey(String msp, String name) {
        return msp + '\u0000' + name;
    }

    /** The stored member, issuing it first when it does not exist yet. */
    public synchronized Member findOrIssue(String msp, String name, NodeOu ou) {
        return find(msp, name).orElseGet(() -> issue(msp, name, ou));
    }

    private Path memberFiles(String msp, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + name
                    + "' must be 1-100 letters, digits, '@', '.', '_' or '-', not starting with a sign");
        }
        return root.resolve(msp).resolve("members").resolve(name);
    }

    private CertificateAuthority loadOrCreateAuthority(String msp) {
        Path files = root.resolve(msp).resolve("ca");
        if (Files.exists(pem(files))) {
            return loadAuthority(msp);
        }
        CertificateAuthority authority = CertificateAuthority.create(msp, domain(msp), clock.instant());
        save(new Member(msp, authority.certificate(), authority.privateKey()), files);
        return authority;
    }

    private CertificateAuthority loadAuthority(String msp) {
        Path files = root.resolve(msp).resolve("ca");
        Member stored =
                load(msp, files).orElseThrow(() -> new IllegalStateException("no CA of " + msp + " at " + pem(files)));
        return CertificateAuthority.of(msp, stored.certificate(), stored.privateKey());
    }

    private static String domain(String msp) {
        return msp.replace("MSP", "").toLowerCase(java.util.Locale.ROOT) + ".metroledger.local";
    }

    private static Path pem(Path files) {
        return files.resolveSibling(files.getFileName() + ".pem");
    }

    private static Path key(Path files) {
        return files.resolveSibling(files.getFileName() + ".key");
    }

    /** Writes the key before the certificate: a certificate on disk means its key is there too. */
    private static Member save(Member member, Path files) {
        try {
            Files.createDirectories(files.getParent(), PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            writeDurably(key(files), member.privateKeyPem());
            writeDurably(pem(files), member.certificatePem());
        } catch (IOException e) {
            throw new IllegalStateException("cannot store identity " + files + ": " + e.getMessage(), e);
        }
        return member;
    }

    static void writeDurably(Path target, String text) throws IOException {
        Path temporary = Files.createTempFile(
                target.getParent(), ".tmp-", ".part", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(temporary);
            throw e;
        }
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static Optional<Member> load(String msp, Path files) {
        if (!Files.exists(pem(files))) {
            return Optional.empty();
        }
        return Optional.of(read(msp, pem(files), key(files)));
    }

    /** A member from its PEM certificate and private-key files (PKCS#8 or SEC1, as Fabric CA writes). */
    public static Member read(String msp, Path certificateFile, Path keyFile) {
        try {
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate((X509CertificateHolder) parse(Files.readString(certificateFile)));
            Object keyObject = parse(Files.readString(keyFile));
            PrivateKeyInfo info =
                    keyObject instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) keyObject;
            PrivateKey privateKey = new JcaPEMKeyConverter().getPrivateKey(info);
            return new Member(msp, certificate, privateKey);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new IllegalStateException("cannot read identity " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    private static Object parse(String pemText) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pemText))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IOException("no PEM object");
            }
            return object;
        }
    }
}
