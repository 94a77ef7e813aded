package dev.herald.job;

import dev.herald.recipient.Whitespace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The rules Notify's conversion applies to a sheet of a workbook, row by row in sheet order: merged
 * ranges expanded, hidden rows and columns dropped, missing rows empty, columns cut at the wider of
 * the header's last non-empty cell and 50 (more than 1,000 refused), more than 200,000 rows
 * refused, and a sheet whose every row is hidden refused as too many rows.
 */
final class SheetGrid {

  static final int MIN_COLUMN_LIMIT = 50;
  static final int MAX_COLUMNS = 1_000;
  static final int MAX_ROWS = 200_000;

  /** Excel's widest sheet; a file claiming more is cut here. */
  static final int EXCEL_COLUMNS = 16_384;

  private final MergedCells merged;
  private final BitSet hiddenColumns;
  private final Consumer<List<String>> rows;
  private int nextRow;
  private int columnLimit = -1;
  private int emitted;
  private boolean anyRow;
  private boolean anyVisibleRow;

  SheetGrid(List<CellRangeAddress> merges, BitSet hiddenColumns, Consumer<List<String>> rows) {
    this.merged = new MergedCells(merges);
    this.hiddenColumns = hiddenColumns;
    this.rows = new TrimmedRows(rows);
  }

  /** The next row present in the sheet, its cells by column index (null where empty). */
  void row(int index, boolean hidden, List<String> cells) {
    while (nextRow < index) {
      process(nextRow++, false, new ArrayList<>());
    }
    process(index, hidden, cells);
    nextRow = index + 1;
  }

  void finish() {
    if (anyRow && !anyVisibleRow) {
      throw new SpreadsheetException(SpreadsheetException.TOO_MANY_ROWS);
    }
  }

  private void process(int index, boolean hidden, List<String> cells) {
    List<String> expanded = merged.expand(index, cells);
    anyRow = true;
    if (hidden) {
      return;
    }
    anyVisibleRow = true;
    if (columnLimit < 0) {
      int last = lastNonEmpty(expanded);
      if (last < 0) {
        return;
      }
      if (last >= MAX_COLUMNS) {
        throw new SpreadsheetException(SpreadsheetException.TOO_MANY_COLUMNS);
      }
      columnLimit = Math.max(last + 1, MIN_COLUMN_LIMIT);
    }
    if (++emitted > MAX_ROWS) {
      throw new SpreadsheetException(SpreadsheetException.TOO_MANY_ROWS);
    }
    rows.accept(visible(expanded));
  }

  private List<String> visible(List<String> cells) {
    List<String> kept = new ArrayList<>(Math.min(cells.size(), columnLimit));
    for (int column = 0; column < Math.min(cells.size(), columnLimit); column++) {
      if (!hiddenColumns.get(column)) {
        String value = cells.get(column);
        kept.add(value == null ? "" : value);
      }
    }
    return kept;
  }

  private static int lastNonEmpty(List<String> cells) {
    for (int column = cells.size() - 1; column >= 0; column--) {
      String value = cells.get(column);
      if (value != null && !Whitespace.stripAndRemoveObscure(value).isEmpty()) {
        return column;
      }
    }
    return -1;
  }
}
