package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.document.DocumentStore;
import org.metroledger.gateway.http.Failures;
import org.metroledger.gateway.ledger.Ledger;

/**
 * What a DCC export or import that fails in the gateway answers through the HTTP failure handler:
 * the refusal's own 4xx and code, never the 500 a chaincode exception thrown by gateway code used to
 * become. The ledger is a stub answering the records the export reads.
 */
class DccFailureAnswersTest {
    @TempDir
    Path dir;

    private Vertx vertx;
    private HttpServer server;
    private HttpClient client;
    /** The certificate record the stub ledger answers. */
    private ObjectNode certificate;

    @BeforeEach
    void serve() throws Exception {
        certificate = (ObjectNode) CertificateRecords.calibration().deepCopy();
        Ledger ledger = (Ledger) Proxy.newProxyInstance(
                Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("evaluate")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return CompletableFuture.completedFuture(answer((String) args[1]));
                });
        DccCertificates dcc = new DccCertificates(
                new Contracts(ledger),
                new DocumentStore(dir),
                lab -> new DccSignatureVerifier(TrustedCertificates.none(), Clock.systemUTC()),
                lab -> Optional.empty());
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/export").handler(ctx -> answer(ctx, dcc.exportDcc(null, "CAL-2025-0001")));
        router.post("/import")
                .handler(ctx -> ctx.request()
                        .body()
                        .onSuccess(body -> answer(
                                ctx,
                                dcc.importDcc(null, body.getBytes(), DccImport.Options.forLab("lab-north-mass"))
                                        .thenApply(imported -> new byte[0]))));
        router.route().failureHandler(new Failures());
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        client = vertx.createHttpClient();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String answer(String function) {
        if (function.startsWith("certificate:")) {
            return Canonical.json(certificate);
        }
        if (function.endsWith("GetLab")) {
            return "{\"id\":\"lab-north-mass\",\"name\":\"North mass lab\"}";
        }
        if (function.endsWith("GetInstrument")) {
            return "{\"id\":\"inst-scale-17\",\"owner\":\"entity-1\",\"type\":\"scale\"}";
        }
        return "{\"id\":\"entity-1\",\"name\":\"Owner Co\"}";
    }

    private static void answer(RoutingContext ctx, CompletableFuture<byte[]> xml) {
        xml.whenComplete((bytes, failure) -> {
            if (failure != null) {
                ctx.fail(failure);
            } else {
                ctx.response().end(Buffer.buffer(bytes));
            }
        });
    }

    private record Answer(int status, String body) {
        String code() {
            return new JsonObject(body).getJsonObject("error").getString("code");
        }

        String message() {
            return new JsonObject(body).getJsonObject("error").getString("message");
        }
    }

    private Answer send(HttpMethod method, String path, byte[] body) throws Exception {
        return client.request(method, server.actualPort(), "127.0.0.1", path)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b.toString())))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_certificate_exports_as_a_dcc() throws Exception {
        Answer answer = send(HttpMethod.GET, "/export", new byte[0]);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("CAL-2025-0001");
    }

    @Test
    void a_record_the_dcc_writer_cannot_express_is_a_409_naming_the_field_not_a_500() throws Exception {
        certificate.remove("location");

        Answer answer = send(HttpMethod.GET, "/export", new byte[0]);

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("CONFLICT");
        assertThat(answer.message()).isEqualTo("location is required to write a DCC");
    }

    @Test
    void an_import_that_is_not_xml_is_a_400_naming_the_dcc() throws Exception {
        Answer answer = send(HttpMethod.POST, "/import", "not xml".getBytes());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answer.message()).startsWith("dcc is not well-formed XML");
    }

    @Test
    void an_import_for_a_lab_whose_key_the_gateway_lacks_is_a_403() throws Exception {
        Answer answer = send(HttpMethod.POST, "/import", DccSamples.example(DccSamples.TYPICAL));

        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
        assertThat(answer.message()).contains("no signing key of lab 'lab-north-mass'");
    }
}
