package dev.herald.callback;

import java.time.Instant;
import java.util.UUID;

/**
 * One POST to a callback URL: its HTTP status, or null when no answer came (then {@code error} says
 * why).
 */
record CallbackAttempt(
    UUID id,
    UUID serviceId,
    String callbackType,
    UUID subjectId,
    String notificationStatus,
    int attempt,
    Integer statusCode,
    String error,
    long durationMs,
    Instant attemptedAt) {}
