package org.metroledger.gateway.ledger.embedded;

import java.util.List;

/**
 * One block of the embedded chain: its header, its transactions in order with their validation
 * codes, the header's hash and the orderer's signature over the header.
 *
 * @param hash SHA-256 of the header's canonical JSON, lowercase hex
 * @param signature the orderer's ECDSA P-256 (SHA256withECDSA) signature over the header's
 *     canonical JSON, base64 of its DER encoding
 */
record Block(Header header, List<BlockTransaction> transactions, String hash, String signature) {
    Block {
        transactions = List.copyOf(transactions);
    }

    long number() {
        return header.number();
    }

    /**
     * What the hash and the signature cover.
     *
     * @param previousHash the previous block's hash; empty for block 0
     * @param dataHash SHA-256 of the transactions' canonical JSON array, lowercase hex
     * @param timestamp when the orderer cut the block, from the engine's clock
     */
    record Header(long number, String previousHash, String dataHash, String timestamp) {}
}
