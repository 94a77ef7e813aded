package dev.herald.receipt;

import dev.herald.notification.NotificationStatus;
import java.time.Instant;

/**
 * A provider's word on a message it was given: the provider, its reference for the message (the one
 * {@code send} answered), the status it reports, and when.
 */
public record ProviderReceipt(
    String provider, String reference, NotificationStatus status, Instant at) {}
