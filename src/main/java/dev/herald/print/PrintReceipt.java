package dev.herald.print;

import dev.herald.notification.NotificationStatus;
import java.time.Instant;

/**
 * A printer's word on a letter it was given: despatched ({@code delivered}) or rejected ({@code
 * technical-failure}).
 *
 * @param provider the print provider's {@link PrintProvider#name()}
 * @param reference the letter's 16-character reference (a receipt that names the letter by its id
 *     is applied through {@link PrintReceipts#applyById})
 * @param status {@code delivered} or {@code technical-failure}
 * @param at when the printer says it happened
 */
public record PrintReceipt(
    String provider, String reference, NotificationStatus status, Instant at) {}
