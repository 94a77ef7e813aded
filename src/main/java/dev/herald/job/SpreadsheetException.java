package dev.herald.job;

/** An upload Notify would refuse before checking its rows, with the message the form shows. */
public class SpreadsheetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The extension is not one of csv, tsv, xlsx, xlsm, xls, ods. */
  public static final String NOT_A_SPREADSHEET =
      "The file must be a spreadsheet that Notify can read";

  /** Not UTF-8 text, not a readable workbook. */
  public static final String CANNOT_READ =
      "Notify cannot read this file - try using a different file type";

  /** A date or number in a workbook that has no text form. */
  public static final String SAVE_AS_CSV =
      "Notify cannot read this file - try saving it as a CSV instead";

  /** The last non-empty header cell is beyond column 1,000. */
  public static final String TOO_MANY_COLUMNS =
      "Your file has too many columns (Notify can process up to 1,000 columns)";

  /** More than 200,000 rows in a spreadsheet that is not CSV, or every row hidden. */
  public static final String TOO_MANY_ROWS =
      "Your file has too many rows (Notify can process up to 100,000 rows at once)";

  public SpreadsheetException(String message) {
    super(message);
  }

  public SpreadsheetException(String message, Throwable cause) {
    super(message, cause);
  }
}
