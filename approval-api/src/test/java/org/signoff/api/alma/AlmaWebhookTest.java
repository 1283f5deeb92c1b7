package org.signoff.api.alma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Concurrently;
import org.signoff.api.testkit.RunningService;

/**
 * Alma's webhook integration profile against the running service, as Alma calls it: the handshake, JOB_END posts
 * signed as Alma signs them (payloads in the shapes of MITLibraries/alma-webhook-lambdas' and pulibrary/bibdata's
 * captured posts), a forged or missing signature, a retry, other actions, garbage, and a service without a secret.
 * Alma sends no API key: every call here is made without one.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlmaWebhookTest {

    /** The secret of MITLibraries/alma-webhook-lambdas' tests, with their test vector below. */
    static final String SECRET = "itsasecret";

    private static RunningService service;
    private static Api alma;
    private static final List<AlmaJobEnded> passedOn = new CopyOnWriteArrayList<>();
    private static final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof AlmaJobEnded ended) {
            passedOn.add(ended);
        }
    };

    @BeforeAll
    static void start() {
        service = FakeAlmaService.shared().service;
        alma = new Api(service.port());
        service.bean(ApplicationEventMulticaster.class).addApplicationListener(listener);
    }

    @AfterAll
    static void stopListening() {
        service.bean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
    }

    @Test
    void theHandshakeEchoesAlmasChallengeAsJson() {
        Response answer = alma.get("/alma/webhook?challenge=challenge-accepted");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body().toString()).isEqualTo("{\"challenge\":\"challenge-accepted\"}");
    }

    @Test
    void aSignedJobEndIsTakenAndPassedOnWithTheRunItDescribes() {
        String body = AlmaAnswers.jobEnd("6587815790006001", "6587815790006001");

        Response answer = signedPost(body, sign(body, SECRET));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("taken").asBoolean()).isTrue();
        AlmaJobEnded ended = passedOnFor("6587815790006001").get(0);
        AlmaJobInstance run = ended.instance();
        assertThat(run.jobId()).isEqualTo("M28");
        assertThat(run.id()).isEqualTo("6587815790006001");
        assertThat(run.status()).isEqualTo("COMPLETED_SUCCESS");
        assertThat(run.submittedBy()).isEqualTo("jdoe");
        assertThat(run.counters())
                .extracting(AlmaJobInstance.Counter::type, AlmaJobInstance.Counter::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("label.new.records", "11"),
                        org.assertj.core.groups.Tuple.tuple("label.updated.records", "14"),
                        org.assertj.core.groups.Tuple.tuple("label.deleted.records", "0"));
        assertThat(ended.sentAt()).hasToString("2026-11-30T09:14:41.941Z");
        assertThat(received("6587815790006001"))
                .containsEntry("ACTION", "JOB_END")
                .containsEntry("JOB_ID", "M28")
                .containsEntry("JOB_INSTANCE_ID", "6587815790006001")
                .doesNotContainValue("jdoe");
    }

    @Test
    void aRetriedNotificationIsAnswered200AndTakenOnce() {
        String body = AlmaAnswers.jobEnd("6587815790006002", "6587815790006002");
        String signature = sign(body, SECRET);

        Response first = signedPost(body, signature);
        Response retry = signedPost(body, signature);

        assertThat(first.body().get("taken").asBoolean()).isTrue();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("taken").asBoolean()).isFalse();
        assertThat(passedOnFor("6587815790006002")).hasSize(1);
        assertThat(count("6587815790006002")).isEqualTo(1);
    }

    @Test
    void aNotificationSentSeveralTimesAtOnceIsTakenOnce() throws Exception {
        String body = AlmaAnswers.jobEnd("6587815790006008", "6587815790006008");
        String signature = sign(body, SECRET);

        List<Response> answers = Concurrently.all(6, () -> signedPost(body, signature));

        assertThat(answers).extracting(Response::status).containsOnly(200);
        assertThat(answers)
                .filteredOn(answer -> answer.body().get("taken").asBoolean())
                .hasSize(1);
        assertThat(passedOnFor("6587815790006008")).hasSize(1);
        assertThat(count("6587815790006008")).isEqualTo(1);
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndNothingIsTaken(CapturedOutput output) {
        String body = AlmaAnswers.jobEnd("6587815790006003", "6587815790006003");
        String tampered = body.replace("\"value\": \"11\"", "\"value\": \"1100\"");

        Response forged = signedPost(body, sign(body, "not-the-profiles-secret"));
        Response altered = signedPost(tampered, sign(body, SECRET));
        Response unsigned = alma.post("/alma/webhook", body);

        for (Response refused : List.of(forged, altered, unsigned)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("ALMA_SIGNATURE_REJECTED");
            assertThat(refused.wwwAuthenticate()).startsWith("X-Exl-Signature");
        }
        assertThat(passedOnFor("6587815790006003")).isEmpty();
        assertThat(count("6587815790006003")).isZero();
        assertThat(output.getAll()).contains("An Alma webhook post was refused").doesNotContain(SECRET);
        JsonNode refusals = service.api().get("/access-refusals?limit=1000").body();
        assertThat(refusals).as("the auditors' record of refused requests").anySatisfy(refusal -> {
            assertThat(refusal.get("endpoint").asText()).isEqualTo("POST /alma/webhook");
            assertThat(refusal.get("reason").asText()).isEqualTo("ALMA_SIGNATURE_REJECTED");
            assertThat(refusal.get("principal").asText()).isEqualTo("anonymous");
        });
    }

    @Test
    void mitsTestVectorIsAGoodSignatureOnABodyThatIsNoNotification() {
        Response answer = signedPost("The POST request body", "e9SHoXK4MZrSGqhglMK4w+/u1pjYn0bfTEYtcFqj7CE=");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("ALMA_NOTIFICATION_UNREADABLE");
        assertThat(answer.body().get("detail").asText()).contains("not JSON");
    }

    @Test
    void aSignedBodyWithoutAnActionAJobEndWithoutItsRunOrAnIdNamingAnInstitutionIsUnreadable() {
        for (String garbage : List.of(
                "{\"id\": \"6587815790006004\"}",
                "[1, 2]",
                "{\"id\": \"6587815790006005\", \"action\": \"JOB_END\"}",
                "{\"id\": \"" + "9".repeat(101) + "\", \"action\": \"JOB_END\"}",
                // another institution's key (01BLC_BU/555): its notification 555 would be taken as seen before
                "{\"id\": \"01BLC_BU/555\", \"action\": \"USER\", \"event\": {\"value\": \"USER_UPDATED\"}}")) {
            Response answer = signedPost(garbage, sign(garbage, SECRET));

            assertThat(answer.status()).as(garbage).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("ALMA_NOTIFICATION_UNREADABLE");
        }
        assertThat(count("6587815790006004") + count("6587815790006005")).isZero();
    }

    @Test
    void anotherActionIsAnswered200AndPassesNothingOnNorKeepsThePerson() {
        String body = AlmaAnswers.userUpdated("6587815790006006");

        Response answer = signedPost(body, sign(body, SECRET));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(passedOnFor("6587815790006006")).isEmpty();
        assertThat(received("6587815790006006"))
                .containsEntry("ACTION", "USER")
                .containsEntry("EVENT", "USER_UPDATED")
                .doesNotContainValue("jdoe");
    }

    @Test
    void withoutASecretTheListenerIsNotThereAndTakesNothing() {
        Api unconfigured = new Api(RunningService.shared().port());
        String body = AlmaAnswers.jobEnd("6587815790006007", "6587815790006007");

        Response handshake = unconfigured.get("/alma/webhook?challenge=challenge-accepted");
        Response post = unconfigured.post("/alma/webhook", body, "X-Exl-Signature", sign(body, SECRET));

        for (Response answer : List.of(handshake, post)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("ALMA_WEBHOOK_NOT_CONFIGURED");
            assertThat(answer.body().get("detail").asText()).contains("approval.alma.webhook.secret");
        }
    }

    @Test
    void theSecretMayComeFromAFileAndSignsAsMitsTestVectorSays(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("alma-webhook-secret"), SECRET + "\n");

        AlmaSignature signature =
                new AlmaSignature(new AlmaWebhookSettings(null, file), "approval.alma.webhook.secret-file");

        assertThat(signature.signs(
                        "The POST request body".getBytes(StandardCharsets.UTF_8),
                        "e9SHoXK4MZrSGqhglMK4w+/u1pjYn0bfTEYtcFqj7CE="))
                .isTrue();
        assertThat(new AlmaWebhookSettings(null, file).toString()).doesNotContain(SECRET);
        assertThat(new AlmaWebhookSettings(SECRET, null).toString()).doesNotContain(SECRET);
    }

    private static Response signedPost(String body, String signature) {
        return alma.post("/alma/webhook", body, "X-Exl-Signature", signature);
    }

    /** As Alma signs: the base64 of HMAC-SHA256 over the body's bytes, keyed with the profile's secret. */
    static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AlmaJobEnded> passedOnFor(String notificationId) {
        return passedOn.stream()
                .filter(ended -> ended.notificationId().equals(notificationId))
                .toList();
    }

    private static Map<String, Object> received(String notificationId) {
        return jdbc().sql("SELECT * FROM alma_webhook_notification WHERE notification_id = ?")
                .param(notificationId)
                .query()
                .singleRow();
    }

    private static long count(String notificationId) {
        return jdbc().sql("SELECT COUNT(*) FROM alma_webhook_notification WHERE notification_id = ?")
                .param(notificationId)
                .query(Long.class)
                .single();
    }

    private static JdbcClient jdbc() {
        return service.bean(JdbcClient.class);
    }
}
