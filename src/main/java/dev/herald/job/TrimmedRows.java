package dev.herald.job;

import dev.herald.recipient.Whitespace;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Notify strips whitespace and commas from both ends of the whole file before reading it, so blank
 * rows before the header and after the last row are not rows; blank rows between are.
 */
final class TrimmedRows implements Consumer<List<String>> {

  private final Consumer<List<String>> rows;
  private boolean started;
  private int heldBack;
  private int width;

  TrimmedRows(Consumer<List<String>> rows) {
    this.rows = rows;
  }

  @Override
  public void accept(List<String> row) {
    if (isBlank(row)) {
      if (started) {
        heldBack++;
        width = Math.max(width, row.size());
      }
      return;
    }
    for (; heldBack > 0; heldBack--) {
      rows.accept(Collections.nCopies(width, ""));
    }
    started = true;
    width = 0;
    rows.accept(row);
  }

  private static boolean isBlank(List<String> row) {
    for (String cell : row) {
      if (cell != null && !Whitespace.stripAndRemoveObscure(cell).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
