package dev.herald.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A notification's history row: everything but its personal data. */
public record Notification(
    UUID id,
    UUID serviceId,
    UUID templateId,
    int templateVersion,
    UUID apiKeyId,
    String keyType,
    String type,
    NotificationStatus status,
    String clientReference,
    int billableUnits,
    boolean international,
    String phonePrefix,
    String postage,
    LocalDate expiresOn,
    Instant createdAt,
    Instant sentAt,
    Instant updatedAt) {}
