package dev.herald.job;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an uploaded recipient file by Notify's conversion rules (notify-jobs.md §2), by the
 * lower-cased extension of its name: CSV and TSV as UTF-8 text, XLSX, XLSM, XLS and ODS from the
 * first visible sheet. Rows are handed over one at a time, the header row first, each cell as its
 * text ("" where empty); nothing but an ODS file is held whole. There is no size limit here.
 */
public final class SpreadsheetReader {

  /** The extensions Notify accepts (lower case). */
  public static final Set<String> EXTENSIONS = Set.of("csv", "tsv", "ods", "xlsx", "xlsm", "xls");

  private SpreadsheetReader() {}

  /** Whether a file of this name is one Notify would try to read. */
  public static boolean canRead(String fileName) {
    return EXTENSIONS.contains(extension(fileName));
  }

  /**
   * Hands each row of the file to {@code rows}, the header row first; a file with nothing in it
   * hands over nothing. Exceptions thrown by {@code rows} pass through unchanged.
   *
   * @throws SpreadsheetException with the message Notify's upload form shows
   */
  public static void read(String fileName, InputStream in, Consumer<List<String>> rows) {
    switch (extension(fileName)) {
      case "csv" -> CsvSheet.csv(in, rows);
      case "tsv" -> CsvSheet.tsv(in, rows);
      case "xlsx", "xlsm" -> XlsxSheet.read(in, rows);
      case "xls" -> XlsSheet.read(in, rows);
      case "ods" -> OdsSheet.read(in, rows);
      default -> throw new SpreadsheetException(SpreadsheetException.NOT_A_SPREADSHEET);
    }
  }

  static String extension(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
