package dev.herald.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A spreadsheet uploaded and checked, kept in the object store under {@code fileKey} until it is
 * {@code archived} (its file removed after {@code expiresAt}).
 */
public record Upload(
    UUID id,
    UUID serviceId,
    UUID templateId,
    int templateVersion,
    String originalFileName,
    String fileKey,
    int rowCount,
    int internationalSmsCount,
    boolean valid,
    Instant createdAt,
    Instant expiresAt,
    boolean archived) {}
