package dev.herald.job;

import java.util.List;

/**
 * Everything Notify's check of an uploaded file finds, in one pass over it, and the page it leads
 * to.
 *
 * @param rowCount the data rows, the header not counted
 * @param maxRows the most data rows a file may have
 * @param columnHeaders the column names, each once, in header order
 * @param hasRecipientColumns whether the file has its type's recipient column (for letters, at
 *     least 3 address columns)
 * @param duplicateRecipientColumns the recipient column names given more than once
 * @param missingColumns the placeholders (and recipient column) the file has no column for
 * @param rows the counts of rows with each kind of problem
 * @param internationalSmsCount the rows whose phone number is not a UK one
 * @param smokeTestNumbers the rows without errors whose phone number is one of Notify's smoke-test
 *     numbers (GC Notify's bulk API refuses a file that mixes them with others)
 * @param allowedToSendTo false when, in trial mode, a recipient is not a team member
 * @param page the check page the file gets
 */
public record SheetCheck(
    int rowCount,
    int maxRows,
    List<String> columnHeaders,
    boolean hasRecipientColumns,
    List<String> duplicateRecipientColumns,
    List<String> missingColumns,
    RowCounts rows,
    int internationalSmsCount,
    int smokeTestNumbers,
    boolean allowedToSendTo,
    CheckPage page) {

  /** {@code too_many_rows}: more data rows than the limit. */
  public boolean tooManyRows() {
    return rowCount > maxRows;
  }

  /** Whether the file can be sent as it is: the page is {@code ReadyToSend}. */
  public boolean ok() {
    return page instanceof CheckPage.ReadyToSend;
  }
}
