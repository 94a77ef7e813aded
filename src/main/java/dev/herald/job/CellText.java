package dev.herald.job;

import dev.herald.template.PythonStr;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A workbook cell's value as the text Notify's conversion writes for it: Python's {@code str()} of
 * the value (whole numbers without a decimal point, other numbers as Python's float repr, {@code
 * True}/{@code False}), never the cell's display format. Dates, where Notify's readers differ
 * (openpyxl always adds the time, pyexcel does not), are {@code 2024-01-31} at midnight, {@code
 * 09:30:00} for a time alone and {@code 2024-01-31 09:30:00} otherwise, to the second.
 */
final class CellText {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Whole numbers below this are exact in a double, so they print as integers. */
  private static final double EXACT_INTEGERS = 9.007199254740992e15;

  private CellText() {}

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGERS) {
      return Long.toString((long) value);
    }
    return PythonStr.of(value);
  }

  /** An XLSX number as written in the file: openpyxl reads it as an int unless it has a point. */
  static String number(String written) {
    String text = written.strip();
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      try {
        return Long.toString(Long.parseLong(text));
      } catch (NumberFormatException e) {
        throw new SpreadsheetException(SpreadsheetException.SAVE_AS_CSV, e);
      }
    }
    return number(parse(text));
  }

  /** A serial date number of a cell formatted as a date or time. */
  static String date(double serial, boolean date1904) {
    LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, date1904, true);
    if (dateTime == null || serial < 0) {
      throw new SpreadsheetException(SpreadsheetException.SAVE_AS_CSV);
    }
    if (serial < 1) {
      return dateTime.toLocalTime().format(TIME);
    }
    return dateTime(dateTime);
  }

  static String dateTime(LocalDateTime dateTime) {
    return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? dateTime.format(DATE)
        : dateTime.format(DATE_TIME);
  }

  static String bool(boolean value) {
    return value ? "True" : "False";
  }

  static double parse(String number) {
    try {
      return Double.parseDouble(number.strip());
    } catch (NumberFormatException e) {
      throw new SpreadsheetException(SpreadsheetException.SAVE_AS_CSV, e);
    }
  }
}
