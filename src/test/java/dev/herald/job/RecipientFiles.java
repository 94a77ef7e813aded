package dev.herald.job;

import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/** Rows of text written as a file of each format an upload may be, as a user's program would. */
final class RecipientFiles {

  static final List<String> FORMATS = List.of("csv", "tsv", "xlsx", "xlsm", "xls", "ods");

  private RecipientFiles() {}

  /** The rows (the header first) as a file of this extension. */
  static byte[] of(String extension, List<List<String>> rows) {
    try {
      return switch (extension) {
        case "csv" -> text(rows, ",");
        case "tsv" -> text(rows, "\t");
        case "xlsx" -> workbook(new XSSFWorkbook(), rows);
        case "xlsm" -> workbook(new XSSFWorkbook(XSSFWorkbookType.XLSM), rows);
        case "xls" -> workbook(new HSSFWorkbook(), rows);
        case "ods" -> ods(rows);
        default -> throw new IllegalArgumentException("No such format " + extension);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] text(List<List<String>> rows, String separator) {
    return rows.stream()
        .map(row -> String.join(separator, row) + "\r\n")
        .collect(Collectors.joining())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] workbook(Workbook workbook, List<List<String>> rows) throws IOException {
    try (workbook) {
      org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("recipients");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] ods(List<List<String>> rows) throws IOException {
    int columns = rows.stream().mapToInt(List::size).max().orElse(1);
    Sheet sheet = new Sheet("recipients", rows.size(), columns);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        sheet.getRange(r, c).setValue(rows.get(r).get(c));
      }
    }
    SpreadSheet spreadsheet = new SpreadSheet();
    spreadsheet.appendSheet(sheet);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    spreadsheet.save(out);
    return out.toByteArray();
  }
}
