package org.metroledger.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {
    @TempDir
    Path dataDir;

    private static final byte[] XML = "<dcc/>\n".getBytes(StandardCharsets.UTF_8);
    /** SHA-256 of "<dcc/>\n", computed independently with sha256sum. */
    private static final String XML_DIGEST = "2af81d3923b12621032ed0b59b833842d0b00fbf0281f7716d998f03c06140d1";

    @Test
    void stored_bytes_come_back_exactly_under_their_digest() {
        DocumentStore store = new DocumentStore(dataDir);

        String digest = store.put(XML);

        assertThat(digest).isEqualTo(XML_DIGEST);
        assertThat(store.get(digest))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(XML));
        assertThat(store.contains(digest)).isTrue();
        assertThat(dataDir.resolve("documents").resolve(digest.substring(0, 2)).resolve(digest.substring(2)))
                .hasBinaryContent(XML);
    }

    @Test
    void the_digest_is_the_sha256_of_the_bytes() {
        assertThat(DocumentDigest.of("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void storing_the_same_document_twice_keeps_one_copy_and_no_temporary_files() throws Exception {
        DocumentStore store = new DocumentStore(dataDir);

        String first = store.put(XML);
        store.put(first, XML);

        try (Stream<Path> files = Files.walk(dataDir.resolve("documents"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void bytes_that_do_not_hash_to_the_claimed_digest_are_refused_and_nothing_is_written() {
        DocumentStore store = new DocumentStore(dataDir);
        String other = DocumentDigest.of("<other/>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.put(other, XML))
                .hasMessageStartingWith("documentDigest is " + other)
                .hasMessageContaining("hashes to " + DocumentDigest.of(XML));
        assertThat(store.contains(other)).isFalse();
        assertThat(dataDir.resolve("documents")).doesNotExist();
    }

    @Test
    void a_malformed_digest_is_refused_before_touching_the_disk() {
        DocumentStore store = new DocumentStore(dataDir);

        assertThatThrownBy(() -> store.get("../../etc/passwd"))
                .hasMessageContaining("documentDigest must be 64 lowercase hex characters");
        assertThatThrownBy(() -> store.get(XML_DIGEST.toUpperCase()))
                .hasMessageContaining("documentDigest must be 64 lowercase hex characters");
    }

    @Test
    void an_unknown_digest_reads_as_empty() {
        // Nothing stored yet, so even the well-formed digest of real bytes is unknown.
        assertThat(new DocumentStore(dataDir).get(XML_DIGEST)).isEmpty();
    }

    @Test
    void a_stored_file_damaged_on_disk_is_never_served_as_the_original() throws Exception {
        DocumentStore store = new DocumentStore(dataDir);
        String digest = store.put(XML);
        Path file = dataDir.resolve("documents").resolve(digest.substring(0, 2)).resolve(digest.substring(2));
        Files.write(file, "<tampered/>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.get(digest)).hasMessageContaining("is corrupt");
    }

    @Test
    void documents_survive_a_new_store_over_the_same_data_directory() {
        String digest = new DocumentStore(dataDir).put(XML);

        assertThat(new DocumentStore(dataDir).get(digest))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(XML));
    }

    @Test
    void a_staged_document_is_stored_only_once_kept_and_leaves_no_file_once_discarded() throws Exception {
        DocumentStore store = new DocumentStore(dataDir);

        DocumentStore.Staged refused = store.stage(XML_DIGEST, XML);
        assertThat(dataDir.resolve("documents").resolve(XML_DIGEST.substring(0, 2)))
                .doesNotExist();
        refused.discard();
        assertThat(files()).isZero();

        DocumentStore.Staged committed = store.stage(XML_DIGEST, XML);
        committed.keep();
        assertThat(files()).isEqualTo(1);
        assertThat(store.contains(XML_DIGEST)).isTrue();

        // The same bytes refused later, say as a duplicate, leave the kept copy alone.
        store.stage(XML_DIGEST, XML).discard();
        assertThat(store.get(XML_DIGEST)).hasValueSatisfying(b -> assertThat(b).isEqualTo(XML));
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void a_document_left_staged_is_kept_when_its_digest_is_asked_for() throws Exception {
        DocumentStore store = new DocumentStore(dataDir);
        // As a crash between the ledger's commit and the keep leaves it.
        store.stage(XML_DIGEST, XML);
        assertThat(store.contains(XML_DIGEST)).isFalse();

        assertThat(new DocumentStore(dataDir).get(XML_DIGEST))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(XML));
        assertThat(store.contains(XML_DIGEST)).isTrue();
        assertThat(files()).isEqualTo(1);
    }

    private long files() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("documents"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
