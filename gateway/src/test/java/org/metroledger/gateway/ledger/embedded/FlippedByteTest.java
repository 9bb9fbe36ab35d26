package org.metroledger.gateway.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * Flips one byte of one file of a demo store, on a fresh copy each time, and asks the copy the
 * questions the demo answers: every flip must be refused at open, on the first read of what it
 * damaged, or by verify-chain, and no question may get an answer other than the undamaged store's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FlippedByteTest {
    private static final Clock CLOCK = DemoStore.CLOCK;
    private static final int FLIPS = 100;
    private static final long SEED = 20250601L;
    private static final int LOGGED_WRITES = 20;
    /** Registry:History answers for these, so every record's value and history is asked for. */
    private static final Set<String> RECORD_TYPES = Set.of(
            "Region",
            "Participant",
            "Lab",
            "Entity",
            "Instrument",
            "Standard",
            "Certificate",
            "Commitment",
            "CreditEvent",
            "RatingPolicy",
            "RecognitionAgreement",
            "RecognitionAcceptance",
            "InspectionDraw",
            "Engagement");

    @TempDir
    static Path work;

    private static Path pristine;
    private static IdentityStore identities;
    private static Member reader;
    private static List<Question> questions;
    private static List<String> expected;

    /** Where a flip was caught, or that it was not. */
    enum Outcome {
        AT_OPEN,
        ON_READ,
        BY_VERIFY_CHAIN,
        WRONG_ANSWER,
        UNDETECTED
    }

    /** One thing a client can ask the ledger, answered as text (a payload or an error code). */
    record Question(String name, Function<EmbeddedLedger, CompletableFuture<?>> ask) {}

    /**
     * The store as a kill -9 leaves it after a restart: tables flushed when the demo's gateway
     * stopped, and a write-ahead log of what the next one wrote before it was killed.
     */
    @BeforeAll
    static void buildDemoStoreOnce() {
        Path demo = work.resolve("demo");
        identities = DemoStore.build(demo);
        reader = identities.find(IdentityStore.NORTH, "admin@north").orElseThrow();
        try (EmbeddedLedger ledger = EmbeddedLedger.open(demo, identities, CLOCK)) {
            for (int n = 1; n <= LOGGED_WRITES; n++) {
                String request = new JsonObject()
                        .put("id", Registry.creditCode(n))
                        .put("name", "加油站 " + n)
                        .put("province", "北京")
                        .put("category", "FUEL_STATION")
                        .encode();
                Registry.await(ledger.submit(reader, "registry:RegisterEntity", List.of(request)));
            }
            // Every write is synced, so a copy taken now is what a kill would leave.
            pristine = DemoStore.copy(demo, work.resolve("pristine"));
        }
        questions = questions();
        try (EmbeddedLedger ledger =
                EmbeddedLedger.open(DemoStore.copy(pristine, work.resolve("baseline")), identities, CLOCK)) {
            expected = questions.stream().map(q -> answer(q, ledger)).toList();
        }
        assertThat(expected).as("the undamaged store answers").noneMatch(a -> a.startsWith("error:INTERNAL"));
    }

    @Test
    void every_flipped_byte_is_caught_at_open_on_first_read_or_by_verify_chain_and_none_answers_wrong() {
        List<Path> files = dataFiles();
        Random random = new Random(SEED);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < FLIPS; i++) {
            Path file = files.get(random.nextInt(files.size()));
            Path copy = DemoStore.copy(pristine, work.resolve("flip-" + i));
            Path target = EmbeddedLedger.ledgerDirectory(copy).resolve(file.getFileName());
            long offset = random.nextLong(DemoStore.size(target));
            DemoStore.flip(target, offset, 1 + random.nextInt(255));
            Outcome outcome = probe(copy);
            counts.merge(outcome, 1, Integer::sum);
            if (outcome == Outcome.WRONG_ANSWER || outcome == Outcome.UNDETECTED) {
                failures.add(outcome + ": " + file.getFileName() + " offset " + offset);
            }
            DemoStore.delete(copy);
        }
        String figures = FLIPS + " flips: " + counts.getOrDefault(Outcome.AT_OPEN, 0) + " at open, "
                + counts.getOrDefault(Outcome.ON_READ, 0) + " on read, "
                + counts.getOrDefault(Outcome.BY_VERIFY_CHAIN, 0) + " by verify-chain, "
                + counts.getOrDefault(Outcome.WRONG_ANSWER, 0) + " wrong answers, "
                + counts.getOrDefault(Outcome.UNDETECTED, 0) + " undetected";
        System.out.println("store flips (seed " + SEED + ", " + files.size() + " files, " + questions.size()
                + " questions): " + figures);
        assertThat(failures).as(figures).isEmpty();
    }

    /** Opens the damaged copy, asks every question, and runs verify-chain if nothing noticed. */
    private static Outcome probe(Path copy) {
        EmbeddedLedger ledger;
        try {
            ledger = EmbeddedLedger.open(copy, identities, CLOCK);
        } catch (RuntimeException e) {
            assertThat(e.getMessage()).as("a refusal at open names the store").contains(copy.toString());
            return Outcome.AT_OPEN;
        }
        try (ledger) {
            for (int q = 0; q < questions.size(); q++) {
                String answer = answer(questions.get(q), ledger);
                if (answer.startsWith("error:" + ApiCode.STORE_CORRUPTED)) {
                    assertThat(answer(ledger.probe()))
                            .as("not ready once damage is seen")
                            .startsWith("error:" + ApiCode.STORE_CORRUPTED);
                    return Outcome.ON_READ;
                }
                if (!answer.equals(expected.get(q))) {
                    System.out.println("wrong answer to " + questions.get(q).name() + ": " + answer + " instead of "
                            + expected.get(q));
                    return Outcome.WRONG_ANSWER;
                }
            }
        }
        ChainReport report = ChainVerifier.verify(copy);
        return report.ok() ? Outcome.UNDETECTED : Outcome.BY_VERIFY_CHAIN;
    }

    /** Every record's history, every certificate's verdict, every list, block and transaction lookup. */
    private static List<Question> questions() {
        List<Question> list = new ArrayList<>();
        list.add(evaluate("registry:ListRegions"));
        list.add(evaluate("registry:ListLabs", "pageSize", 100));
        list.add(evaluate("credit:ListPolicies"));
        list.add(evaluate("recognition:List", "pageSize", 100));
        list.add(evaluate("inspection:List", "pageSize", 100));
        List<String> txIds = new ArrayList<>();
        long height;
        try (LedgerStore store = LedgerStore.openReadOnly(EmbeddedLedger.ledgerDirectory(pristine))) {
            store.forEachState((key, value) -> {
                String[] parts = key.split("\u0000", -1);
                if (parts.length != 4 || !parts[0].isEmpty() || !RECORD_TYPES.contains(parts[1])) {
                    return;
                }
                String type = parts[1];
                String id = parts[2];
                list.add(evaluate("audit:History", "type", type, "id", id));
                switch (type) {
                    case "Certificate" -> list.add(evaluate("certificate:Verify", "id", id));
                    case "Instrument", "Standard" -> {
                        list.add(evaluate("certificate:Current", "subject", id));
                        list.add(evaluate("certificate:ListBySubject", "subject", id, "pageSize", 100));
                    }
                    case "Lab" -> list.add(evaluate("certificate:ListByLab", "lab", id, "pageSize", 100));
                    case "Entity" -> {
                        list.add(evaluate("credit:Rating", "entity", id));
                        list.add(evaluate("commitment:ListByEntity", "entity", id, "pageSize", 100));
                    }
                    default -> {}
                }
            });
            height = store.tip().height();
            for (long n = 0; n < height; n++) {
                BlockCodec.decode(store.block(n).orElseThrow()).transactions().forEach(tx -> txIds.add(tx.txId()));
            }
        }
        for (long n = 0; n < height; n++) {
            long number = n;
            list.add(new Question("block " + n, ledger -> ledger.block(number)));
        }
        for (String txId : txIds) {
            list.add(new Question("tx " + txId, ledger -> ledger.blockNumberOf(txId)));
        }
        return list;
    }

    private static Question evaluate(String function, Object... fields) {
        JsonObject request = new JsonObject();
        for (int i = 0; i < fields.length; i += 2) {
            request.put((String) fields[i], fields[i + 1]);
        }
        List<String> args = fields.length == 0 ? List.of() : List.of(request.encode());
        return new Question(function + " " + request.encode(), ledger -> ledger.evaluate(reader, function, args));
    }

    private static String answer(Question question, EmbeddedLedger ledger) {
        return answer(question.ask().apply(ledger));
    }

    private static String answer(CompletableFuture<?> future) {
        try {
            return "ok:" + future.join();
        } catch (CompletionException e) {
            return e.getCause() instanceof LedgerException failure
                    ? "error:" + failure.code() + " " + failure.getMessage()
                    : "error:" + e.getCause();
        }
    }

    /**
     * The files RocksDB reads the ledger from: tables, manifest, CURRENT and write-ahead logs. Its
     * info log, OPTIONS record and IDENTITY hold no ledger data and are never read back for it.
     */
    private static List<Path> dataFiles() {
        try (Stream<Path> files = Files.list(EmbeddedLedger.ledgerDirectory(pristine))) {
            return files.filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith("LOG")
                                && !name.startsWith("OPTIONS")
                                && !name.equals("IDENTITY")
                                && !name.equals("LOCK")
                                && DemoStore.size(f) > 0;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
