package org.metroledger.gateway.dcc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A gateway's DCC trust store, read at each import so an operator can change it without a restart:
 * the PEM files of its directory are trusted for every lab's DCCs, those of its subdirectory named
 * by a lab's id for that lab's. A lab with a subdirectory of its own has said who signs its DCCs, so
 * its DCCs must be signed: one with its signature stripped (and then edited) is refused.
 */
public final class DccTrustStore {
    /** Lab ids that can name a subdirectory: no separators, no "." or "..". */
    private static final Pattern DIRECTORY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path directory;
    private final Clock clock;

    private DccTrustStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @param clock gives the time to validate a chain at when a signature carries no signing time
     */
    public static DccTrustStore in(Path directory, Clock clock) {
        return new DccTrustStore(directory, clock);
    }

    /**
     * The operator's switch, a file of this name in the store's directory (for every lab) or in a
     * lab's (for that lab): accept signers whose revocation status cannot be established. Off unless
     * the file exists; a DCC accepted by it says so in the import's answer.
     */
    public static final String ALLOW_UNKNOWN_REVOCATION = "allow-unknown-revocation";

    /** The verifier for one lab's DCCs, from the store as it is now. */
    public DccSignatureVerifier verifierFor(String lab) {
        boolean allowAll = Files.exists(directory.resolve(ALLOW_UNKNOWN_REVOCATION));
        if (!DIRECTORY_NAME.matcher(lab).matches()) {
            return new DccSignatureVerifier(
                    TrustedCertificates.fromDirectory(directory), clock, null, allowed(allowAll, directory));
        }
        Path own = directory.resolve(lab);
        boolean signedOnly = !TrustedCertificates.pemFiles(own).isEmpty();
        boolean allowOwn = Files.exists(own.resolve(ALLOW_UNKNOWN_REVOCATION));
        return new DccSignatureVerifier(
                TrustedCertificates.fromDirectories(List.of(directory, own)),
                clock,
                signedOnly ? "lab '" + lab + "' has a DCC trust store of its own, so its DCCs must be signed" : null,
                allowed(allowAll || allowOwn, allowOwn ? own : directory));
    }

    /** Why an unknown revocation status is acceptable, or null when it is not. */
    private static String allowed(boolean allow, Path where) {
        return allow
                ? "accepted: the operator allows signers of unknown revocation status ("
                        + where.getFileName().resolve(ALLOW_UNKNOWN_REVOCATION) + ")"
                : null;
    }
}
