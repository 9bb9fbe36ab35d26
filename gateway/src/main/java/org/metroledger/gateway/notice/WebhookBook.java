package org.metroledger.gateway.notice;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The webhooks this gateway delivers to, the record of every delivery attempt, and how far into
 * the ledger's events it has delivered, in {@code <data-dir>/webhooks/}: {@code hooks.json}
 * (rewritten whole, atomically), {@code deliveries.jsonl} (one attempt a line, appended) and
 * {@code cursor} (the last block whose notices were handed out).
 */
public final class WebhookBook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final List<Webhook> hooks;

    private WebhookBook(Path dir, List<Webhook> hooks) {
        this.dir = dir;
        this.hooks = hooks;
    }

    public static WebhookBook open(Path dataDir) {
        Path dir = dataDir.resolve("webhooks");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("hooks.json");
            List<Webhook> hooks = Files.exists(file)
                    ? JSON.readValue(file.toFile(), new TypeReference<List<Webhook>>() {})
                    : new ArrayList<>();
            return new WebhookBook(dir, new ArrayList<>(hooks));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhooks in " + dir, e);
        }
    }

    /** Registers a webhook with a new id and secret; answers it with its secret. */
    public synchronized Webhook add(
            String url, String entity, String region, String ownerMsp, String ownerName, Instant now) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        Webhook hook = new Webhook(
                "wh-" + HexFormat.of().formatHex(id),
                url,
                entity,
                region,
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                ownerMsp,
                ownerName,
                now.toString());
        hooks.add(hook);
        write(dir.resolve("hooks.json"), jsonBytes(hooks));
        return hook;
    }

    public synchronized List<Webhook> all() {
        return List.copyOf(hooks);
    }

    public synchronized Optional<Webhook> get(String id) {
        return hooks.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** Appends a delivery attempt to the record. */
    public synchronized void record(Delivery delivery) {
        try {
            Files.write(
                    dir.resolve("deliveries.jsonl"),
                    (JSON.writeValueAsString(delivery) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a webhook delivery", e);
        }
    }

    /** Every attempt recorded for a webhook, oldest first. */
    public synchronized List<Delivery> deliveries(String webhook) {
        Path file = dir.resolve("deliveries.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Delivery> found = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Delivery d = JSON.readValue(line, Delivery.class);
                    if (d.webhook().equals(webhook)) {
                        found.add(d);
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook deliveries", e);
        }
    }

    /** The last block whose notices were handed out, if any. */
    public synchronized OptionalLong cursor() {
        Path file = dir.resolve("cursor");
        try {
            return Files.exists(file)
                    ? OptionalLong.of(Long.parseLong(Files.readString(file).strip()))
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public synchronized void cursor(long block) {
        write(dir.resolve("cursor"), Long.toString(block).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] jsonBytes(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path file, byte[] bytes) {
        try {
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
