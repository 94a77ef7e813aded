package dev.herald.job;

import com.github.miachm.sods.OfficeCurrency;
import com.github.miachm.sods.OfficePercentage;
import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * An ODS spreadsheet's first visible sheet through SODS, which reads the whole spreadsheet into
 * memory: no maintained ODS reader streams, so the upload size limit is what bounds it.
 */
final class OdsSheet {

  private OdsSheet() {}

  static void read(InputStream in, Consumer<List<String>> rows) {
    Sheet sheet = firstVisibleSheet(open(in));
    int height = sheet.getMaxRows();
    int width = sheet.getMaxColumns();
    if (height == 0 || width == 0) {
      return;
    }
    Range all = sheet.getDataRange();
    BitSet hiddenColumns = new BitSet();
    for (int column = 0; column < width; column++) {
      hiddenColumns.set(column, sheet.columnIsHidden(column));
    }
    SheetGrid grid = new SheetGrid(merges(all), hiddenColumns, rows);
    Object[][] values = all.getValues();
    for (int row = 0; row < height; row++) {
      List<String> cells = new ArrayList<>(width);
      for (Object value : values[row]) {
        cells.add(text(value));
      }
      grid.row(row, sheet.rowIsHidden(row), cells);
    }
    grid.finish();
  }

  private static SpreadSheet open(InputStream in) {
    try {
      return new SpreadSheet(in);
    } catch (IOException | RuntimeException e) {
      throw new SpreadsheetException(SpreadsheetException.CANNOT_READ, e);
    }
  }

  private static Sheet firstVisibleSheet(SpreadSheet spreadsheet) {
    return spreadsheet.getSheets().stream()
        .filter(sheet -> !sheet.isHidden())
        .findFirst()
        .orElseThrow(() -> new SpreadsheetException(SpreadsheetException.CANNOT_READ));
  }

  private static List<CellRangeAddress> merges(Range all) {
    List<CellRangeAddress> merges = new ArrayList<>();
    for (Range merged : all.getMergedCells()) {
      merges.add(
          new CellRangeAddress(
              merged.getRow(), merged.getLastRow(), merged.getColumn(), merged.getLastColumn()));
    }
    return merges;
  }

  private static String text(Object value) {
    return switch (value) {
      case null -> null;
      case Double number -> CellText.number(number);
      case Boolean bool -> CellText.bool(bool);
      case LocalDate date -> CellText.dateTime(date.atStartOfDay());
      case LocalDateTime dateTime -> CellText.dateTime(dateTime);
      case Duration time ->
          String.format(
              "%02d:%02d:%02d", time.toHours(), time.toMinutesPart(), time.toSecondsPart());
      case OfficeCurrency currency -> CellText.number(currency.getValue());
      case OfficePercentage percentage -> CellText.number(percentage.getValue());
      default -> value.toString();
    };
  }
}
