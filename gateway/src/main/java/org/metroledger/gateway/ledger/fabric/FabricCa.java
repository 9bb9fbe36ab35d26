package org.metroledger.gateway.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.metroledger.chaincode.signature.P256;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.identity.P256Keys;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * One organisation's Fabric CA, over its REST API (the one {@code fabric-ca-client} speaks):
 * register and enrol members, revoke a certificate and take the CA's new CRL. Calls that need
 * authority carry Fabric CA's token, signed by the centre's registrar identity (its Admin); the
 * gateway never holds the CA's key. Plain JDK HTTP and Bouncy Castle rather than fabric-sdk-java's
 * HFCAClient, whose old gRPC and protobuf would sit beside fabric-gateway's.
 */
public final class FabricCa {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String caName;
    private final URI base;
    private final Member registrar;
    private final X509Certificate root;
    private final HttpClient http;

    /** @param root the CA's certificate: the root of the identities it issues and of its TLS server */
    public FabricCa(String caName, URI base, X509Certificate root, Member registrar) {
        this.caName = caName;
        this.root = root;
        this.base = base;
        this.registrar = registrar;
        this.http = HttpClient.newBuilder()
                .sslContext(trusting(root))
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** What went wrong at the CA, with its own error code (e.g. 74: already registered). */
    public static final class CaException extends RuntimeException {
        private final int status;
        private final int code;

        CaException(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public int code() {
            return code;
        }

        /** As the gateway answers it: the CA down is UNAVAILABLE, a refusal of our request ours. */
        public LedgerException asLedgerFailure() {
            ApiCode mapped = switch (status) {
                case 400 -> ApiCode.INVALID_ARGUMENT;
                case 404 -> ApiCode.NOT_FOUND;
                case 0, 502, 503, 504 -> ApiCode.UNAVAILABLE;
                default -> ApiCode.INTERNAL;
            };
            return new LedgerException(mapped, getMessage(), null, this);
        }
    }

    /** Fabric CA's code for registering a name that is registered already. */
    static final int ALREADY_REGISTERED = 74;
    /** Fabric CA's code for revoking what is revoked already. */
    static final int ALREADY_REVOKED = 66;

    /**
     * Registers {@code name} with the NodeOU as its type (or, when it is registered already, gives
     * it a fresh secret) and enrols it with a new P-256 key: the member's certificate is the CA's.
     */
    public Member enrol(String msp, String name, NodeOu ou) {
        byte[] secretBytes = new byte[16];
        RANDOM.nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);
        ObjectNode registration = JSON.createObjectNode()
                .put("id", name)
                .put("type", ou.ou())
                .put("secret", secret)
                .put("affiliation", "")
                .put("caname", caName);
        try {
            call("POST", "/api/v1/register", registration);
        } catch (CaException e) {
            if (e.code() != ALREADY_REGISTERED) {
                throw e;
            }
            call(
                    "PUT",
                    "/api/v1/identities/" + name,
                    JSON.createObjectNode().put("secret", secret).put("caname", caName));
        }
        KeyPair keys = P256Keys.generate();
        ObjectNode request = JSON.createObjectNode()
                .put("certificate_request", csr(name, keys))
                .put("caname", caName);
        String basic = Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
        JsonNode result = send("POST", "/api/v1/enroll", bytes(request), "Basic " + basic);
        X509Certificate certificate =
                certificate(Base64.getDecoder().decode(result.path("Cert").asText()));
        return new Member(msp, certificate, keys.getPrivate());
    }

    /**
     * Revokes one certificate of this CA (by its serial and the CA's key id, not every certificate of
     * the name) and answers the CA's CRL as it stands after, PEM. Revoking a revoked certificate only
     * regenerates the CRL, so a revocation interrupted after this step can be repeated.
     *
     * @param reasonCode an RFC 5280 reason as Fabric CA spells it (keycompromise, ...)
     */
    public String revoke(BigInteger serial, String reasonCode) {
        ObjectNode request = JSON.createObjectNode()
                .put("serial", serial.toString(16))
                .put("aki", HexFormat.of().formatHex(subjectKeyId(root)))
                .put("reason", reasonCode.toLowerCase(java.util.Locale.ROOT))
                .put("gencrl", true)
                .put("caname", caName);
        JsonNode result;
        try {
            result = call("POST", "/api/v1/revoke", request);
        } catch (CaException e) {
            if (e.code() != ALREADY_REVOKED) {
                throw e;
            }
            result = call("POST", "/api/v1/gencrl", JSON.createObjectNode().put("caname", caName));
        }
        return new String(Base64.getDecoder().decode(result.path("CRL").asText()), StandardCharsets.UTF_8);
    }

    private JsonNode call(String method, String path, ObjectNode body) {
        // The token signs these very bytes: they are sent as they were signed.
        byte[] bytes = bytes(body);
        return send(method, path, bytes, token(method, path, bytes));
    }

    /** Fabric CA's token: cert.b64 "." signature over method.b64(uri).b64(body).b64(cert), low-S. */
    private String token(String method, String uri, byte[] body) {
        Base64.Encoder b64 = Base64.getEncoder();
        String cert = b64.encodeToString(registrar.certificatePem().getBytes(StandardCharsets.UTF_8));
        String payload = method + "." + b64.encodeToString(uri.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(body) + "." + cert;
        byte[] signature = P256.sign(registrar.privateKey(), payload.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("the registrar's key is not a P-256 key"));
        return cert + "." + b64.encodeToString(signature);
    }

    private JsonNode send(String method, String path, byte[] body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CaException(503, 0, "the Fabric CA " + caName + " at " + base + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaException(503, 0, "interrupted while calling the Fabric CA " + caName);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CaException(response.statusCode(), 0, "the Fabric CA " + caName + " answered no JSON");
        }
        if (!answer.path("success").asBoolean(false)) {
            JsonNode error = answer.path("errors").path(0);
            throw new CaException(
                    response.statusCode(),
                    error.path("code").asInt(0),
                    "the Fabric CA " + caName + " refused " + method + " " + path + ": "
                            + error.path("message").asText(response.statusCode() + ""));
        }
        return answer.path("result");
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csr(String name, KeyPair keys) {
        X500Name subject =
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(request);
            }
            return text.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build a certificate request", e);
        }
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension == null) {
            throw new IllegalStateException("the CA certificate names no subject key identifier");
        }
        try {
            return SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension))
                    .getKeyIdentifier();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable subject key identifier", e);
        }
    }

    static X509Certificate certificate(byte[] pem) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Fabric CA answered an unreadable certificate", e);
        }
    }

    private static SSLContext trusting(X509Certificate root) {
        try {
            KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
            roots.load(null, null);
            roots.setCertificateEntry("ca", root);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(roots);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the Fabric CA's TLS root", e);
        }
    }
}
