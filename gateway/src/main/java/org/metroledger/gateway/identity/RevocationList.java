package org.metroledger.gateway.identity;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.metroledger.simulation.CertificateAuthority;

/**
 * One embedded organisation's CRL, signed by its CA and kept as {@code msp/<MSP>/crl.pem}: what the
 * embedded ledger checks every creator against, as Fabric's MSP checks the CRL in the channel
 * configuration.
 */
final class RevocationList {
    /** RFC 5280 reason names, as Fabric CA spells them, and their codes. */
    static final Map<String, Integer> REASONS = Map.of(
            "unspecified", CRLReason.unspecified,
            "keycompromise", CRLReason.keyCompromise,
            "cacompromise", CRLReason.cACompromise,
            "affiliationchanged", CRLReason.affiliationChanged,
            "superseded", CRLReason.superseded,
            "cessationofoperation", CRLReason.cessationOfOperation,
            "certificatehold", CRLReason.certificateHold,
            "privilegewithdrawn", CRLReason.privilegeWithdrawn,
            "aacompromise", CRLReason.aACompromise);

    private final Path file;
    private final Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
    private X509CRL crl;

    private RevocationList(Path file, X509CRL crl) {
        this.file = file;
        this.crl = crl;
        if (crl != null && crl.getRevokedCertificates() != null) {
            crl.getRevokedCertificates().stream()
                    .map(X509CRLEntry::getSerialNumber)
                    .forEach(serials::add);
        }
    }

    static RevocationList open(Path file) {
        if (!Files.exists(file)) {
            return new RevocationList(file, null);
        }
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
            return new RevocationList(file, new JcaX509CRLConverter().getCRL((X509CRLHolder) parser.readObject()));
        } catch (IOException | CRLException | ClassCastException e) {
            throw new IllegalStateException("cannot read the CRL " + file + ": " + e.getMessage(), e);
        }
    }

    boolean contains(BigInteger serial) {
        return serials.contains(serial);
    }

    /** Adds the serial (once) and writes the CA's new CRL, before it counts as revoked. */
    synchronized void revoke(CertificateAuthority ca, BigInteger serial, String reasonCode, Instant now) {
        Integer reason = REASONS.get(reasonCode.toLowerCase(Locale.ROOT));
        if (reason == null) {
            throw new IllegalArgumentException("reasonCode '" + reasonCode + "' is not one of " + REASONS.keySet());
        }
        if (serials.contains(serial)) {
            return;
        }
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
        if (crl != null) {
            builder.addCRL(toHolder(crl));
        }
        builder.addCRLEntry(serial, Date.from(now), reason);
        try {
            X509CRLHolder signed = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(signed);
            }
            IdentityStore.writeDurably(file, pem.toString());
            crl = new JcaX509CRLConverter().getCRL(signed);
        } catch (OperatorCreationException | IOException | CRLException e) {
            throw new IllegalStateException("cannot write the CRL " + file + ": " + e.getMessage(), e);
        }
        serials.add(serial);
    }

    private static X509CRLHolder toHolder(X509CRL crl) {
        try {
            return new X509CRLHolder(crl.getEncoded());
        } catch (CRLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
