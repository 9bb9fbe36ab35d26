package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * While another client keeps committing certificates that no verification below reads, every
 * consumer scan (which may be answered from an earlier answer) equals a fresh evaluation at the
 * scan's own instant; writes that do touch what a verification read (a revocation, a supersession,
 * the revocation of the chain's root) change the next scan's answer as they change the fresh one.
 */
class VerificationReuseUnderWritesTest extends Scenario {
    private HttpWorld world;
    private final List<String> certificates = new ArrayList<>();

    @Override
    void prepare() {
        world = registerWorld();
        world.primaryChain();
        for (int i = 1; i <= 3; i++) {
            certificates.add(id("RC-" + i));
            world.tracedCertificate(id("RC-" + i), id("R-" + i), "fuel-dispenser");
        }
        world.tracedCertificate(id("BG-0"), id("R-BG"), "fuel-dispenser");
    }

    @Test
    void every_scan_equals_a_fresh_evaluation_while_unrelated_and_related_writes_commit() throws Exception {
        String labToken = token(Cast.NORTH_LAB);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger unrelated = new AtomicInteger();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Http own = new Http(deployment)) {
                for (int n = 1; writing.get(); n++) {
                    Http.Answer issued = own.post(
                            "/api/v1/certificates",
                            labToken,
                            CertificateRequests.signed(
                                    world.northLabKey.getPrivate(), world.verification(id("BG-" + n), id("R-BG"))));
                    // An issuance reads the chain's root: its revocation below may conflict with
                    // one in flight, and refuses those after it.
                    assertThat(issued.status()).as(issued.toString()).isLessThan(500);
                    if (issued.status() == 201) {
                        unrelated.incrementAndGet();
                    }
                }
            } catch (Throwable e) {
                writerFailure.set(e);
            }
        });
        writer.start();
        List<String> verdicts = new ArrayList<>();
        try {
            for (int round = 0; round < 48; round++) {
                if (round == 12) {
                    HttpWorld.created(http.post(
                            "/api/v1/certificates/" + certificates.get(0) + "/revocation",
                            labToken,
                            Map.of("reason", "seal broken")));
                } else if (round == 24) {
                    Map<String, Object> amended = world.verification(id("RC-2A"), id("R-2"));
                    amended.put("previous", certificates.get(1));
                    HttpWorld.created(http.post(
                            "/api/v1/certificates/" + certificates.get(1) + "/supersession",
                            labToken,
                            CertificateRequests.signed(world.northLabKey.getPrivate(), amended)));
                } else if (round == 36) {
                    HttpWorld.created(http.post(
                            "/api/v1/certificates/" + world.primaryCertificate + "/revocation",
                            token(Cast.NORTH_LAB),
                            Map.of("reason", "standard lost")));
                }
                String certificate = certificates.get(round % certificates.size());
                JsonObject scanned = scan(certificate);
                assertThat(scanned)
                        .as("round %d, %s", round, certificate)
                        .isEqualTo(evaluatedAt(certificate, scanned.getString("at")));
                verdicts.add(round + ":" + scanned.getString("verdict"));
            }
        } finally {
            writing.set(false);
            writer.join();
        }

        assertThat(writerFailure.get()).isNull();
        assertThat(unrelated.get())
                .as("unrelated certificates committed meanwhile")
                .isGreaterThan(1);
        assertThat(verdicts).contains("0:VALID", "1:VALID", "2:VALID", "12:REVOKED", "25:SUPERSEDED");
        assertThat(verdicts.subList(36, 48)).noneMatch(v -> v.endsWith(":VALID"));
    }

    /** A consumer's scan: no instant named, so the ledger's clock says when; may be reused. */
    private JsonObject scan(String certificate) {
        Http.Answer answer = http.get("/api/v1/certificates/" + certificate + "/verification", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** The same question with the instant named, which always evaluates afresh. */
    private JsonObject evaluatedAt(String certificate, String at) {
        Http.Answer answer = http.get("/api/v1/certificates/" + certificate + "/verification?at=" + at, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
