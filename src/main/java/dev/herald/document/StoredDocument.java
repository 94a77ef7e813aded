package dev.herald.document;

import java.time.Instant;
import java.util.UUID;

/** A stored file: its ciphertext and what the download page needs to know. */
record StoredDocument(
    UUID id,
    UUID serviceId,
    byte[] content,
    String filename,
    String mimetype,
    byte[] confirmEmailHash,
    Instant expiresAt) {}
