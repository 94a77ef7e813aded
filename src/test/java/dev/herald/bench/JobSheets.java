package dev.herald.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The job benchmark's recipient files, made in memory: a header {@code email address,name,code} and
 * row n {@code bench-job-n@example.com,Person n,Cnnnnnnn}, as CSV or as an XLSX written by POI's
 * streaming {@link SXSSFWorkbook} (100 rows in memory at a time).
 */
final class JobSheets {

  static final String SUBJECT = "Hello ((name))";
  static final String CONTENT = "Dear ((name)), your code is ((code)).";

  private static final String[] HEADER = {"email address", "name", "code"};

  private JobSheets() {}

  static byte[] csv(int rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 56);
    out.writeBytes((String.join(",", HEADER) + "\n").getBytes(StandardCharsets.UTF_8));
    StringBuilder line = new StringBuilder(64);
    for (int n = 0; n < rows; n++) {
      line.setLength(0);
      String[] cells = cells(n);
      line.append(cells[0]).append(',').append(cells[1]).append(',').append(cells[2]).append('\n');
      out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static byte[] xlsx(int rows) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("Recipients");
      write(sheet.createRow(0), HEADER);
      for (int n = 0; n < rows; n++) {
        write(sheet.createRow(n + 1), cells(n));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] cells(int n) {
    return new String[] {
      "bench-job-" + n + "@example.com", "Person " + n, String.format("C%07d", n)
    };
  }

  private static void write(Row row, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      row.createCell(i).setCellValue(cells[i]);
    }
  }
}
