package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetReaderTest {

  private static List<List<String>> read(String name, InputStream in) {
    List<List<String>> rows = new ArrayList<>();
    SpreadsheetReader.read(name, in, rows::add);
    return rows;
  }

  private static List<List<String>> read(String name, String text) {
    return read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsCsvLikePythonsCsvModuleWithSkipInitialSpace() {
    assertThat(read("people.CSV", "name, \"phone, number\"\r\n\"A \"\"B\"\"\", x\"y\n\"ab\"cd,2"))
        .containsExactly(
            List.of("name", "phone, number"), List.of("A \"B\"", "x\"y"), List.of("abcd", "2"));
  }

  @Test
  void dropsBlankRowsAndCommasAtTheEndsButKeepsBlankRowsBetween() {
    assertThat(read("a.csv", "\ufeff\n,,\nname\nAnn\n\nBob\n,,\n  \n"))
        .containsExactly(List.of("name"), List.of("Ann"), List.of(""), List.of("Bob"));
  }

  @Test
  void refusesTextThatIsNotUtf8() {
    byte[] latin1 = "name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> read("a.csv", new ByteArrayInputStream(latin1)))
        .isInstanceOf(SpreadsheetException.class)
        .hasMessage("Notify cannot read this file - try using a different file type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"people.txt", "people", "people.numbers", "csv"})
  void refusesOtherExtensions(String name) {
    assertThat(SpreadsheetReader.canRead(name)).isFalse();
    assertThatThrownBy(() -> read(name, "a"))
        .hasMessage("The file must be a spreadsheet that Notify can read");
  }

  @Test
  void readsTsvWithTabsOnly() {
    assertThat(read("a.tsv", "name\tphone number\r\nAnn, Jo\t 07700 900123\n"))
        .containsExactly(List.of("name", "phone number"), List.of("Ann, Jo", " 07700 900123"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"people.xlsx", "people.XLSM", "people.xls"})
  void readsTheFirstVisibleSheetOfAWorkbookByNotifysRules(String name) {
    List<List<String>> rows = read(name, Workbooks.recipients(!name.endsWith(".xls")));

    assertThat(rows)
        .containsExactly(
            List.of("phone number", "name", "when", "total", "flag"),
            List.of("7700900123", "Ann", "2024-01-31", "7", "True"),
            List.of("07700900456", "Bob and Cy", "Bob and Cy", "7700900123", "0.1"),
            List.of("07700900789", "Bob and Cy", "Bob and Cy"));
  }

  @Test
  void readsTheFirstVisibleSheetOfAnOdsSpreadsheet() throws IOException {
    SpreadSheet spreadsheet = new SpreadSheet();
    Sheet hidden = new Sheet("old", 1, 1);
    hidden.getRange(0, 0).setValue("not this sheet");
    hidden.hideSheet();
    spreadsheet.appendSheet(hidden);
    Sheet sheet = new Sheet("recipients", 5, 4);
    sheet.getRange(0, 0, 1, 4).setValues("phone number", "secret", "name", "when");
    sheet.getRange(1, 0, 1, 4).setValues(7700900123d, "x", "Ann", LocalDate.of(2024, 1, 31));
    sheet.getRange(2, 0, 1, 3).setValues("07700900999", "x", "hidden row");
    sheet.getRange(3, 0, 1, 3).setValues("07700900456", "x", "Bob");
    sheet.getRange(4, 0, 1, 1).setValues(1.5);
    Range merged = sheet.getRange(3, 2, 2, 2);
    merged.merge();
    sheet.hideRow(2);
    sheet.hideColumn(1);
    spreadsheet.appendSheet(sheet);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    spreadsheet.save(out);

    assertThat(read("people.ods", new ByteArrayInputStream(out.toByteArray())))
        .containsExactly(
            List.of("phone number", "name", "when"),
            List.of("7700900123", "Ann", "2024-01-31"),
            List.of("07700900456", "Bob", "Bob"),
            List.of("1.5", "Bob", "Bob"));
  }

  @Test
  void cutsColumnsAtTheWiderOfTheHeaderAnd50() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("email address");
      Row row = sheet.createRow(1);
      row.createCell(49).setCellValue("kept");
      row.createCell(50).setCellValue("cut");

      List<List<String>> rows = read("a.xlsx", Workbooks.bytes(workbook));

      assertThat(rows.get(1)).hasSize(50).endsWith("kept");
    }
  }

  @Test
  void refusesAHeaderWiderThan1000Columns() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.createSheet().createRow(0).createCell(1000).setCellValue("too far");

      assertThatThrownBy(() -> read("a.xlsx", Workbooks.bytes(workbook)))
          .hasMessage("Your file has too many columns (Notify can process up to 1,000 columns)");
    }
  }

  @Test
  void refusesASheetWhoseEveryRowIsHidden() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("email address");
      sheet.getRow(0).setZeroHeight(true);

      assertThatThrownBy(() -> read("a.xlsx", Workbooks.bytes(workbook)))
          .hasMessage(
              "Your file has too many rows (Notify can process up to 100,000 rows at once)");
    }
  }

  @Test
  void refusesMoreThan200000RowsInASpreadsheetButNotInACsv() {
    String rows = "name\n" + String.join("", Collections.nCopies(200_000, "a\n"));

    assertThat(read("a.csv", rows)).hasSize(200_001);
    assertThatThrownBy(() -> read("a.tsv", rows))
        .hasMessage("Your file has too many rows (Notify can process up to 100,000 rows at once)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.xlsx", "a.xls", "a.ods"})
  void refusesAWorkbookItCannotRead(String name) {
    assertThatThrownBy(() -> read(name, "not a workbook"))
        .hasMessage("Notify cannot read this file - try using a different file type");
  }
}
