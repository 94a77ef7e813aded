package dev.herald.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel workbooks made with POI for the reader's tests: a hidden sheet first, then a visible one
 * with a hidden row and column, a merged range, a formula, dates, and numbers.
 */
final class Workbooks {

  private Workbooks() {}

  static InputStream recipients(boolean xlsx) {
    try (Workbook workbook = xlsx ? new XSSFWorkbook() : new HSSFWorkbook()) {
      Sheet hidden = workbook.createSheet("old");
      hidden.createRow(0).createCell(0).setCellValue("not this sheet");
      workbook.setSheetHidden(0, true);
      Sheet sheet = workbook.createSheet("recipients");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle dateTime = workbook.createCellStyle();
      dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      CellStyle zeros = workbook.createCellStyle();
      zeros.setDataFormat(workbook.createDataFormat().getFormat("00000000000"));

      Row header = sheet.createRow(0);
      String[] names = {"phone number", "secret", "name", "when", "total", "flag"};
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      sheet.setColumnHidden(1, true);

      Row first = sheet.createRow(1);
      first.createCell(0).setCellValue(7700900123d);
      first.createCell(1).setCellValue("hidden column");
      first.createCell(2).setCellValue("Ann");
      first.createCell(3).setCellValue(LocalDate.of(2024, 1, 31));
      first.getCell(3).setCellStyle(date);
      first.createCell(4).setCellFormula("2*3.5");
      first.createCell(5).setCellValue(true);

      Row hiddenRow = sheet.createRow(2);
      hiddenRow.createCell(0).setCellValue("07700900999");
      hiddenRow.setZeroHeight(true);

      Row second = sheet.createRow(3);
      second.createCell(0).setCellValue("07700900456");
      second.createCell(2).setCellValue("Bob and Cy");
      second.createCell(3).setCellValue(LocalDateTime.of(2024, 2, 1, 9, 30));
      second.getCell(3).setCellStyle(dateTime);
      second.createCell(4).setCellValue(7700900123d);
      second.getCell(4).setCellStyle(zeros);
      second.createCell(5).setCellValue(0.1);

      Row third = sheet.createRow(4);
      third.createCell(0).setCellValue("07700900789");
      sheet.addMergedRegion(new CellRangeAddress(3, 4, 2, 3));

      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      return bytes(workbook);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream bytes(Workbook workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    return new ByteArrayInputStream(out.toByteArray());
  }
}
