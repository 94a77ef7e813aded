package dev.herald.job;

import java.util.Map;

/**
 * A row of a checked file, ready to become a notification.
 *
 * @param index the 0-based row index ({@code job_row_number})
 * @param recipient the email address or phone number as written, or a letter's address lines as
 *     they would be printed, one per line
 * @param personalisation the recipient and placeholder columns by their names as written in the
 *     header, each value a string, null when empty, or a list of them for a column name repeated
 * @param reference the {@code reference} column's value, the notification's client reference, or
 *     null
 */
public record JobRow(
    int index, String recipient, Map<String, Object> personalisation, String reference) {}
