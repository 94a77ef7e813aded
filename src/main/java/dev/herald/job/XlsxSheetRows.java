package dev.herald.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The second reading of a sheet's XML: each {@code <row>} with its hidden flag and each cell's
 * stored value (a formula's cached result, never the formula), handed to the grid in order.
 */
final class XlsxSheetRows extends DefaultHandler {

  private final SharedStrings sharedStrings;
  private final StylesTable styles;
  private final boolean date1904;
  private final SheetGrid grid;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();
  private final StringBuilder text = new StringBuilder();

  private int row = -1;
  private boolean rowHidden;
  private List<String> cells;
  private int column;
  private String type;
  private String style;
  private boolean inValue;
  private boolean inInline;
  private boolean inPhonetic;

  XlsxSheetRows(SharedStrings sharedStrings, StylesTable styles, boolean date1904, SheetGrid grid) {
    this.sharedStrings = sharedStrings;
    this.styles = styles;
    this.date1904 = date1904;
    this.grid = grid;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "row" -> {
        String r = attributes.getValue("r");
        row = r == null ? row + 1 : Integer.parseInt(r) - 1;
        rowHidden = XlsxWorkbook.isTrue(attributes.getValue("hidden"));
        cells = new ArrayList<>();
        column = 0;
      }
      case "c" -> {
        String reference = attributes.getValue("r");
        column = reference == null ? column : new CellReference(reference).getCol();
        type = attributes.getValue("t");
        style = attributes.getValue("s");
        text.setLength(0);
      }
      case "v" -> inValue = true;
      case "is" -> inInline = true;
      case "rPh" -> inPhonetic = true;
      default -> {}
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inValue || (inInline && !inPhonetic)) {
      text.append(ch, start, length);
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "v" -> inValue = false;
      case "is" -> inInline = false;
      case "rPh" -> inPhonetic = false;
      case "c" -> {
        MergedCells.set(cells, column, value(text.toString()));
        column++;
      }
      case "row" -> grid.row(row, rowHidden, cells);
      default -> {}
    }
  }

  private String value(String stored) {
    if (type == null || type.equals("n")) {
      if (stored.isBlank()) {
        return null;
      }
      return isDate() ? CellText.date(CellText.parse(stored), date1904) : CellText.number(stored);
    }
    return switch (type) {
      case "s" -> sharedStrings.getItemAt(Integer.parseInt(stored.strip())).getString();
      case "b" -> CellText.bool(stored.strip().equals("1"));
      default -> stored;
    };
  }

  private boolean isDate() {
    if (style == null) {
      return false;
    }
    return dateStyles.computeIfAbsent(
        Integer.parseInt(style),
        index -> {
          XSSFCellStyle cellStyle = styles.getStyleAt(index);
          return cellStyle != null
              && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
  }
}
