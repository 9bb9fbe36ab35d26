package org.metroledger.gateway.ledger.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.metroledger.chaincode.registry.CreditCode;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.Committed;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;

/** Registry requests the engine's tests, crash driver and load driver submit, as real callers would. */
public final class Registry {
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final Ledger ledger;
    private final IdentityStore identities;

    public Registry(Ledger ledger, IdentityStore identities) {
        this.ledger = ledger;
        this.identities = identities;
    }

    public Member admin(String msp) {
        return identities.findOrIssue(msp, "Admin@" + msp, NodeOu.ADMIN);
    }

    public static String region(String name) {
        return "{\"name\":\"" + name + "\",\"provinces\":[\"P1\",\"P2\"]}";
    }

    /** A valid unified social credit code derived from a number. */
    public static String creditCode(long n) {
        String first17 = String.format("91110000%09d", n);
        return first17 + CreditCode.checkCharacter(first17);
    }

    public static String entity(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Station " + id
                + "\",\"province\":\"P1\",\"category\":\"FUEL_STATION\"}";
    }

    public static String instrument(String id, String owner) {
        return "{\"id\":\"" + id + "\",\"owner\":\"" + owner + "\",\"type\":\"fuel dispenser\",\"manufacturer\":\"M\","
                + "\"model\":\"X1\",\"serial\":\"S-" + id + "\",\"location\":\"pump 1\",\"mandatory\":true,"
                + "\"category\":\"VOLUME\"}";
    }

    public CompletableFuture<Committed> submit(Member who, String function, String request) {
        return ledger.submit(who, function, List.of(request));
    }

    public Committed submitted(Member who, String function, String request) {
        return await(submit(who, function, request));
    }

    public String evaluated(Member who, String function, String request) {
        return await(ledger.evaluate(who, function, request == null ? List.of() : List.of(request)));
    }

    /** Waits, bounded, for a future; a ledger failure is rethrown as the LedgerException itself. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof LedgerException l ? l : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
