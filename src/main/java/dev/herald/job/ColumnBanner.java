package dev.herald.job;

/**
 * The banners of Notify's column-errors page for the file's shape, in the order they are tested.
 */
public enum ColumnBanner {
  TOO_MANY_ROWS("Your file has too many rows"),
  MISSING_ROWS("Your file is missing some rows"),
  NO_RECIPIENT_COLUMN("There’s a problem with your column names"),
  DUPLICATE_RECIPIENT_COLUMNS("There’s a problem with your column names"),
  MISSING_PLACEHOLDER_COLUMNS(
      "Your column names need to match the double brackets in your template");

  private final String heading;

  ColumnBanner(String heading) {
    this.heading = heading;
  }

  public String heading() {
    return heading;
  }

  /** The body of the too-many-rows banner, naming the limit that applies. */
  public static String tooManyRowsBody(int maxRows, int rowCount) {
    return String.format(
        "Notify can process up to %,d rows at once. Your file has %,d rows.", maxRows, rowCount);
  }
}
