package org.metroledger.gateway.dcc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The certificates a DCC signer must chain to. Self-signed ones are trust anchors; the others are
 * intermediates that a path may pass through, checked like any certificate in the path.
 */
public final class TrustedCertificates {
    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;

    private TrustedCertificates(Set<TrustAnchor> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
        this.anchors = Set.copyOf(anchors);
        this.intermediates = List.copyOf(intermediates);
        this.crls = List.copyOf(crls);
    }

    /** These certificates with the CRLs given, which tell signers' revocation status. */
    public TrustedCertificates withCrls(List<X509CRL> more) {
        List<X509CRL> all = new ArrayList<>(crls);
        all.addAll(more);
        return new TrustedCertificates(anchors, intermediates, all);
    }

    /** Reads PEM files, each holding one or more certificates. */
    public static TrustedCertificates fromPemFiles(List<Path> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try {
                certificates.addAll(parse(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read trusted certificate " + file, e);
            } catch (CertificateException e) {
                throw new IllegalArgumentException(file + " is not a PEM X.509 certificate: " + e.getMessage(), e);
            }
        }
        return of(certificates);
    }

    /**
     * The PEM certificates ({@code *.pem}, {@code *.crt}) of a directory; none when the directory
     * does not exist, so a gateway without a DCC trust store still takes unsigned DCCs.
     */
    public static TrustedCertificates fromDirectory(Path directory) {
        return fromDirectories(List.of(directory));
    }

    /**
     * The PEM certificates of several directories together, with their CRLs ({@code *.crl}, DER or
     * PEM); directories that do not exist add none.
     */
    public static TrustedCertificates fromDirectories(List<Path> directories) {
        List<Path> pems = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (Path directory : directories) {
            pems.addAll(pemFiles(directory));
            for (Path file : files(directory, ".crl")) {
                try {
                    crls.add(Revocation.crl(Files.readAllBytes(file), file.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read CRL " + file, e);
                } catch (DccSignatureVerifier.Refusal e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        }
        return (pems.isEmpty() ? none() : fromPemFiles(pems)).withCrls(crls);
    }

    /** The {@code *.pem} and {@code *.crt} files of a directory, in name order; none when it does not exist. */
    static List<Path> pemFiles(Path directory) {
        return files(directory, ".pem", ".crt");
    }

    /** The files of a directory whose names end in one of the suffixes, in name order. */
    private static List<Path> files(Path directory, String... suffixes) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Stream.of(suffixes).anyMatch(f.toString()::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the DCC trust store " + directory, e);
        }
    }

    /** Trusts no signer: every signed DCC is then INVALID, unsigned ones stay acceptable. */
    public static TrustedCertificates none() {
        return new TrustedCertificates(Set.of(), List.of(), List.of());
    }

    /** At least one of the certificates must be a self-signed root. */
    public static TrustedCertificates of(List<X509Certificate> certificates) {
        if (certificates.stream().noneMatch(TrustedCertificates::selfSigned)) {
            throw new IllegalArgumentException("the DCC trust store needs at least one self-signed root certificate");
        }
        return new TrustedCertificates(
                certificates.stream()
                        .filter(TrustedCertificates::selfSigned)
                        .map(c -> new TrustAnchor(c, null))
                        .collect(Collectors.toSet()),
                certificates.stream().filter(c -> !selfSigned(c)).toList(),
                List.of());
    }

    static List<X509Certificate> parse(byte[] encoded) throws CertificateException {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(encoded)).stream()
                .map(X509Certificate.class::cast)
                .toList();
    }

    Set<TrustAnchor> anchors() {
        return anchors;
    }

    List<X509Certificate> intermediates() {
        return intermediates;
    }

    List<X509CRL> crls() {
        return crls;
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
