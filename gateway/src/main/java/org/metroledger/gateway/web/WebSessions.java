package org.metroledger.gateway.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.metroledger.gateway.auth.MemberDirectory;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.identity.Member;

/**
 * The web pages' sign-in sessions, kept by the server: the cookie holds only a random session id,
 * never the bearer token. A session ends at its expiry, at sign-out, and as soon as the token it
 * was opened with expires, is revoked or names another identity than it did at sign-in. Kept in
 * memory: a restart signs everyone out.
 */
final class WebSessions {
    /** How long a sign-in lasts, however active. */
    static final Duration LIFETIME = Duration.ofHours(8);

    private static final int MAX_SESSIONS = 10_000;
    private static final int ID_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a session is bound to: the token's digest, the identity it named, and when it ends. */
    private record Session(byte[] tokenDigest, TokenBook.Holder holder, Instant expiresAt) {}

    private final TokenBook tokens;
    private final MemberDirectory members;
    private final Clock clock;
    /** By the SHA-256 of the session id, so not even a heap dump shows a usable id. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    WebSessions(TokenBook tokens, MemberDirectory members, Clock clock) {
        this.tokens = tokens;
        this.members = members;
        this.clock = clock;
    }

    /** Opens a session for a valid token; answers its id, or empty for a bad token. */
    Optional<String> open(String token) {
        Optional<TokenBook.Holder> holder = tokens.holderOf(token);
        if (holder.isEmpty()
                || members.member(holder.get().msp(), holder.get().name()).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        }
        if (sessions.size() >= MAX_SESSIONS) {
            // Full of live sessions: the one that ends soonest makes room.
            sessions.entrySet().stream()
                    .min(Map.Entry.comparingByValue(java.util.Comparator.comparing(Session::expiresAt)))
                    .ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        byte[] secret = new byte[ID_BYTES];
        RANDOM.nextBytes(secret);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        sessions.put(key(id), new Session(TokenBook.digest(token), holder.get(), now.plus(LIFETIME)));
        return Optional.of(id);
    }

    /** The identity a session id signs in as, while the session and its token hold. */
    Optional<Member> member(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        String key = key(id);
        Session session = sessions.get(key);
        if (session == null) {
            return Optional.empty();
        }
        boolean holds = clock.instant().isBefore(session.expiresAt())
                && tokens.holderOfDigest(session.tokenDigest())
                        .filter(session.holder()::equals)
                        .isPresent();
        if (!holds) {
            sessions.remove(key);
            return Optional.empty();
        }
        return members.member(session.holder().msp(), session.holder().name());
    }

    /** Ends a session; an unknown id is no error. */
    void close(String id) {
        if (id != null && !id.isEmpty() && id.length() <= 64) {
            sessions.remove(key(id));
        }
    }

    private static String key(String id) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
