package dev.herald.job;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** The first reading of a sheet's XML: its hidden columns and its merged ranges. */
final class XlsxSheetLayout extends DefaultHandler {

  private final BitSet hiddenColumns = new BitSet();
  private final List<CellRangeAddress> merges = new ArrayList<>();

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "col" -> {
        if (XlsxWorkbook.isTrue(attributes.getValue("hidden"))) {
          int min = Integer.parseInt(attributes.getValue("min"));
          int max = Integer.parseInt(attributes.getValue("max"));
          hiddenColumns.set(min - 1, Math.min(max, SheetGrid.EXCEL_COLUMNS));
        }
      }
      case "mergeCell" -> merges.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
      default -> {}
    }
  }

  BitSet hiddenColumns() {
    return hiddenColumns;
  }

  List<CellRangeAddress> merges() {
    return merges;
  }
}
