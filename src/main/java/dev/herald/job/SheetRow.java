package dev.herald.job;

import java.util.List;

/**
 * A data row as the check page shows it.
 *
 * @param index the 0-based index over data rows (the spreadsheet's row is {@code index + 2})
 * @param cells one per distinct column name, in header order
 * @param rowError the error spanning the whole row ({@code Message is too long}, an address
 *     problem, …), or null
 * @param unheaded the cells beyond the header's width, never used
 */
public record SheetRow(int index, List<SheetCell> cells, String rowError, List<String> unheaded) {

  /** Whether the row has an error of its own or in any cell. */
  public boolean hasError() {
    return rowError != null || cells.stream().anyMatch(cell -> cell.error() != null);
  }
}
