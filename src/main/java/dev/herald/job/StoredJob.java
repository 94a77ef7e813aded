package dev.herald.job;

import java.time.Instant;
import java.util.UUID;

/** A job as stored: what it sends, where it has got to. */
public record StoredJob(
    UUID id,
    UUID serviceId,
    UUID templateId,
    int templateVersion,
    String originalFileName,
    String fileKey,
    int notificationCount,
    JobStatus status,
    Instant scheduledFor,
    UUID apiKeyId,
    UUID senderId,
    int rowsDone,
    boolean archived,
    Instant createdAt,
    Instant updatedAt,
    Instant processingStarted,
    Instant processingFinished) {}
