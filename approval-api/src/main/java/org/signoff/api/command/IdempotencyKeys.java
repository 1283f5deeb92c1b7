package org.signoff.api.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.common.MessageMetaData;
import org.signoff.storage.Columns;

/**
 * {@code Idempotency-Key}: a command sent with one is remembered with what it answered, in the transaction that
 * appends its events (a command handler interceptor, which Axon's Spring configuration puts on the command bus,
 * writes it after the handler, before the commit), so a retry is
 * answered the same without running again. Keys are per client, and forgotten after
 * {@code approval.idempotency-window} (24 h). Only commands that were taken are remembered: a refused one wrote
 * nothing, and its retry is decided anew.
 */
@Component
class IdempotencyKeys implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotencyKey";
    static final String REQUEST_HASH = "requestHash";

    private final JdbcClient jdbc;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();

    IdempotencyKeys(JdbcClient jdbc, ApprovalProperties properties) {
        this.jdbc = jdbc;
        this.window = properties.idempotencyWindow();
    }

    /** What a command sent with a key answered. */
    record Remembered(String requestHash, Object result) {}

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        var metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(KEY);
        if (key != null) {
            jdbc.sql("INSERT INTO idempotency_key (client_id, idempotency_key, request_hash, result_type, result, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            metaData.get(MessageMetaData.CLIENT),
                            key,
                            metaData.get(REQUEST_HASH),
                            result == null ? null : result.getClass().getName(),
                            result == null ? null : Columns.json(result),
                            Columns.utc(clock.instant()))
                    .update();
        }
        return result;
    }

    /** What the client's key answered within the window, if anything. */
    Optional<Remembered> find(String clientId, String key) {
        return jdbc.sql("SELECT request_hash, result_type, result FROM idempotency_key "
                        + "WHERE client_id = ? AND idempotency_key = ? AND created_at > ?")
                .params(clientId, key, Columns.utc(clock.instant().minus(window)))
                .query((rs, n) -> new Remembered(rs.getString(1), result(rs.getString(2), rs.getString(3))))
                .optional();
    }

    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    void forgetOld() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at <= ?")
                .param(Columns.utc(clock.instant().minus(window)))
                .update();
    }

    static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static Object result(String type, String json) {
        if (type == null) {
            return null;
        }
        try {
            return Columns.json(json, Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A remembered answer of a type this version does not know: " + type, e);
        }
    }
}
