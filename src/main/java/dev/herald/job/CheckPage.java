package dev.herald.job;

import java.util.List;

/**
 * Which of Notify's check pages a file gets (notify-jobs.md §4), tested in this order: column
 * errors, row errors, file-wide problems, else ready to send.
 */
public sealed interface CheckPage {

  /**
   * {@code check/column-errors.html} for the file's shape: the first banner that applies.
   *
   * @param banner the banner, whose heading Notify shows
   * @param columns what the banner lists: nothing for too many rows; the missing columns for
   *     missing rows and for missing placeholder columns; the columns the file has for no recipient
   *     column; the duplicated names for duplicate recipient columns
   * @param rowCount the file's data rows
   * @param maxRows the most rows a file may have
   */
  record ColumnErrors(ColumnBanner banner, List<String> columns, int rowCount, int maxRows)
      implements CheckPage {}

  /**
   * {@code check/row-errors.html}: some rows have errors.
   *
   * @param heading {@code There’s a problem with {file}} for one summary item, else {@code There
   *     are some problems with {file}}
   * @param summary what "You need to" is followed by, in {@code get_errors_for_csv}'s order
   * @param rows the first rows with errors
   * @param footnote {@code Only showing the first 50 rows with errors} when more have errors than
   *     are shown, else {@code Only showing rows with errors}
   */
  record RowErrors(String heading, List<String> summary, List<SheetRow> rows, String footnote)
      implements CheckPage {}

  /**
   * {@code check/column-errors.html} again, for a problem of the file as a whole.
   *
   * @param banner the problem
   * @param heading the banner's heading, in the singular for a file of one row
   * @param allowed how many the service may still send today (for the limits), else 0
   * @param count how many the file would send (rows, or international numbers), else 0
   */
  record FileProblem(FileBanner banner, String heading, long allowed, long count)
      implements CheckPage {}

  /**
   * {@code check/ok.html}: the file can be sent.
   *
   * @param rowCount the rows that would be sent
   * @param rows the first rows of the file
   * @param preview the row asked for in the preview, or null when the file has no such row
   */
  record ReadyToSend(int rowCount, List<SheetRow> rows, SheetRow preview) implements CheckPage {}
}
