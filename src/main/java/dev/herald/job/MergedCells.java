package dev.herald.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Gives every cell of a merged range its top-left cell's value, rows taken in order, keeping only
 * the ranges that cover the current row.
 */
final class MergedCells {

  private final List<CellRangeAddress> pending;
  private final List<Active> active = new ArrayList<>();
  private int next;

  private record Active(CellRangeAddress range, String value) {}

  MergedCells(List<CellRangeAddress> ranges) {
    this.pending = new ArrayList<>(ranges);
    pending.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow));
  }

  /** The row's cells with merged ranges filled in; {@code cells} itself may be changed. */
  List<String> expand(int row, List<String> cells) {
    active.removeIf(a -> a.range().getLastRow() < row);
    while (next < pending.size() && pending.get(next).getFirstRow() <= row) {
      CellRangeAddress range = pending.get(next++);
      if (range.getFirstRow() == row) {
        int column = range.getFirstColumn();
        active.add(new Active(range, column < cells.size() ? cells.get(column) : null));
      }
    }
    for (Active a : active) {
      int last = Math.min(a.range().getLastColumn(), SheetGrid.EXCEL_COLUMNS - 1);
      for (int column = a.range().getFirstColumn(); column <= last; column++) {
        set(cells, column, a.value());
      }
    }
    return cells;
  }

  static void set(List<String> cells, int column, String value) {
    while (cells.size() <= column) {
      cells.add(null);
    }
    cells.set(column, value);
  }
}
