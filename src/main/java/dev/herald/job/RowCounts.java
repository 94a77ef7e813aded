package dev.herald.job;

/**
 * How many rows have each kind of problem, as {@code get_errors_for_csv} counts them.
 *
 * @param withErrors rows with any error
 * @param badRecipients rows whose email address, phone number or postal address is not valid
 * @param missingData rows with a recipient or placeholder cell empty
 * @param messagesTooLong text messages longer than 918 characters
 * @param emptyMessages rows whose message has no content
 * @param qrCodesTooLong letters with a QR code holding more than 504 bytes
 */
public record RowCounts(
    int withErrors,
    int badRecipients,
    int missingData,
    int messagesTooLong,
    int emptyMessages,
    int qrCodesTooLong) {}
