package dev.herald.complaint;

import java.time.Instant;
import java.util.UUID;

/** A complaint as recorded: Notify's complaints row. */
record Complaint(
    UUID id,
    UUID notificationId,
    UUID serviceId,
    String sesFeedbackId,
    String complaintType,
    Instant complaintDate,
    Instant createdAt) {}
