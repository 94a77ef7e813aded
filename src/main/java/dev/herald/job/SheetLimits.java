package dev.herald.job;

/**
 * How many rows a file may have and how many the check page shows.
 *
 * @param maxRows the most data rows a file may have; Herald allows a million, Notify 100,000
 * @param rowsShown how many rows the page of a good file shows (Notify's admin: 50)
 * @param errorsShown how many rows with errors the page of a bad file shows (Notify's admin: 50)
 */
public record SheetLimits(int maxRows, int rowsShown, int errorsShown) {

  /** Notify's own row limit, which its messages name. */
  public static final int NOTIFY_MAX_ROWS = 100_000;

  public static final SheetLimits DEFAULT = new SheetLimits(1_000_000, 50, 50);
}
