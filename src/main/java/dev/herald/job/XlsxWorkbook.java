package dev.herald.job;

import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * What an XLSX workbook part says about its sheets: the first one whose state is not hidden or very
 * hidden (by its relationship id), and whether dates count from 1904.
 */
record XlsxWorkbook(String firstVisibleSheet, boolean date1904) {

  private static final String RELATIONSHIPS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  static XlsxWorkbook read(InputStream xml) {
    boolean date1904 = false;
    try {
      XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(xml);
      while (reader.hasNext()) {
        if (reader.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (reader.getLocalName()) {
          case "workbookPr" -> date1904 = isTrue(reader.getAttributeValue(null, "date1904"));
          case "sheet" -> {
            String state = reader.getAttributeValue(null, "state");
            if (state == null || state.equals("visible")) {
              return new XlsxWorkbook(reader.getAttributeValue(RELATIONSHIPS, "id"), date1904);
            }
          }
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw new SpreadsheetException(SpreadsheetException.CANNOT_READ, e);
    }
    throw new SpreadsheetException(SpreadsheetException.CANNOT_READ);
  }

  static boolean isTrue(String attribute) {
    return "1".equals(attribute) || "true".equals(attribute);
  }
}
