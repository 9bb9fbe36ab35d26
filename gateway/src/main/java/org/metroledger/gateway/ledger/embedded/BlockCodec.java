package org.metroledger.gateway.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;

/**
 * Seals, encodes and decodes blocks. A block is stored as its canonical JSON (sorted keys, no
 * whitespace), so encoding is deterministic and a verifier recomputes every hash from what it reads.
 */
final class BlockCodec {
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private BlockCodec() {}

    /** A sealed block and its stored bytes. */
    record Sealed(Block block, byte[] bytes) {}

    /** Hashes, links and signs a block of transactions. */
    static Sealed seal(
            long number, String previousHash, Instant timestamp, List<BlockTransaction> transactions, PrivateKey key) {
        // The transactions are serialised once: for the data hash and, verbatim, inside the block.
        String transactionsJson = Canonical.json(transactions);
        Block.Header header = new Block.Header(number, previousHash, sha256(transactionsJson), timestamp.toString());
        String headerJson = Canonical.json(header);
        String hash = sha256(headerJson);
        String signature = sign(headerJson, key);
        Block block = new Block(header, transactions, hash, signature);
        // Block's properties in canonical (alphabetical) order: hash, header, signature, transactions.
        String json = "{\"hash\":" + Canonical.json(hash) + ",\"header\":" + headerJson + ",\"signature\":"
                + Canonical.json(signature) + ",\"transactions\":" + transactionsJson + "}";
        return new Sealed(block, json.getBytes(StandardCharsets.UTF_8));
    }

    static Block decode(byte[] bytes) {
        return Canonical.readStored(bytes, Block.class);
    }

    /** SHA-256 of the transactions' canonical JSON, as the header's data hash. */
    static String dataHash(List<BlockTransaction> transactions) {
        return sha256(Canonical.json(transactions));
    }

    /** SHA-256 of the header's canonical JSON: the block's hash. */
    static String headerHash(Block.Header header) {
        return sha256(Canonical.json(header));
    }

    static boolean signatureValid(Block block, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(Canonical.bytes(block.header()));
            return verifier.verify(Base64.getDecoder().decode(block.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A signature that is not even well-formed base64/DER is simply not valid.
            return false;
        }
    }

    /** Signed through the lab signatures' P-256 code: a tenth of the JDK's CPU, once per block. */
    private static String sign(String headerJson, PrivateKey key) {
        return Base64.getEncoder().encodeToString(LabSignature.der(key, headerJson.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
