package dev.herald.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * An XLS workbook's first visible sheet through POI's HSSF user model, which holds the workbook in
 * memory: acceptable, since an XLS sheet has at most 65,536 rows.
 */
final class XlsSheet {

  private XlsSheet() {}

  static void read(InputStream in, Consumer<List<String>> rows) {
    try (HSSFWorkbook workbook = open(in)) {
      read(workbook, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HSSFWorkbook open(InputStream in) {
    try {
      return new HSSFWorkbook(in);
    } catch (IOException | RuntimeException e) {
      throw new SpreadsheetException(SpreadsheetException.CANNOT_READ, e);
    }
  }

  private static void read(HSSFWorkbook workbook, Consumer<List<String>> rows) {
    Sheet sheet = workbook.getSheetAt(firstVisibleSheet(workbook));
    BitSet hiddenColumns = new BitSet();
    int width = 0;
    for (Row row : sheet) {
      width = Math.max(width, row.getLastCellNum());
    }
    for (int column = 0; column < width; column++) {
      hiddenColumns.set(column, sheet.isColumnHidden(column));
    }
    SheetGrid grid = new SheetGrid(sheet.getMergedRegions(), hiddenColumns, rows);
    boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
    for (Row row : sheet) {
      grid.row(row.getRowNum(), row.getZeroHeight(), cells(row, date1904));
    }
    grid.finish();
  }

  private static int firstVisibleSheet(HSSFWorkbook workbook) {
    for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
      if (!workbook.isSheetHidden(index) && !workbook.isSheetVeryHidden(index)) {
        return index;
      }
    }
    throw new SpreadsheetException(SpreadsheetException.CANNOT_READ);
  }

  private static List<String> cells(Row row, boolean date1904) {
    List<String> cells = new ArrayList<>();
    for (Cell cell : row) {
      MergedCells.set(cells, cell.getColumnIndex(), text(cell, date1904));
    }
    return cells;
  }

  private static String text(Cell cell, boolean date1904) {
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell)
              ? CellText.date(cell.getNumericCellValue(), date1904)
              : CellText.number(cell.getNumericCellValue());
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> CellText.bool(cell.getBooleanCellValue());
      case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> null;
    };
  }
}
