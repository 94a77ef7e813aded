package dev.herald.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An XLSX or XLSM workbook's first visible sheet, read with POI's SAX event API so that no sheet is
 * held whole: the upload is copied to a temporary file (a ZIP needs random access), the sheet's XML
 * is read once for its merged ranges (written after the rows) and once for its rows. Shared strings
 * are held in memory, as every XLSX reader does.
 */
final class XlsxSheet {

  private XlsxSheet() {}

  static void read(InputStream in, Consumer<List<String>> rows) {
    Path copy = null;
    try {
      copy = Files.createTempFile("herald-upload-", ".xlsx");
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
        read(new XSSFReader(pkg), rows);
      }
    } catch (IOException | OpenXML4JException | SAXException e) {
      throw unreadable(e);
    } catch (POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException e) {
      throw unreadable(e);
    } finally {
      delete(copy);
    }
  }

  private static void read(XSSFReader reader, Consumer<List<String>> rows)
      throws IOException, OpenXML4JException, SAXException {
    XlsxWorkbook workbook;
    try (InputStream data = reader.getWorkbookData()) {
      workbook = XlsxWorkbook.read(data);
    }
    XlsxSheetLayout layout = new XlsxSheetLayout();
    try (InputStream sheet = reader.getSheet(workbook.firstVisibleSheet())) {
      parse(sheet, layout);
    }
    SheetGrid grid = new SheetGrid(layout.merges(), layout.hiddenColumns(), rows);
    XlsxSheetRows handler =
        new XlsxSheetRows(
            reader.getSharedStringsTable(), reader.getStylesTable(), workbook.date1904(), grid);
    try (InputStream sheet = reader.getSheet(workbook.firstVisibleSheet())) {
      parse(sheet, handler);
    }
    grid.finish();
  }

  private static void parse(InputStream xml, ContentHandler handler)
      throws IOException, SAXException {
    try {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(handler);
      parser.parse(new InputSource(xml));
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SpreadsheetException unreadable(Exception e) {
    return new SpreadsheetException(SpreadsheetException.CANNOT_READ, e);
  }

  private static void delete(Path copy) {
    if (copy == null) {
      return;
    }
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
