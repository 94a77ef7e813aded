package dev.herald.complaint;

import java.time.Instant;

/**
 * An email provider's report that a recipient marked an email as spam: the provider, its reference
 * for the email (the one {@code send} answered), its own id for the complaint, the kind of
 * complaint when the recipient's mailbox provider said ({@code abuse}, {@code fraud}, …), and when
 * it was made. Holds no address.
 */
public record ProviderComplaint(
    String provider,
    String reference,
    String feedbackId,
    String complaintType,
    Instant complaintDate) {}
