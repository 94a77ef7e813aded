package dev.herald.job;

/**
 * A data row with what Notify's {@code Row} knows about it: its page form, which of the summary's
 * problems it has, and the notification it would become.
 */
record CheckedRow(
    SheetRow row,
    boolean badRecipient,
    boolean missingData,
    boolean messageTooLong,
    boolean messageEmpty,
    boolean qrCodeTooLong,
    boolean internationalSms,
    JobRow job) {

  boolean hasError() {
    return row.hasError();
  }
}
