package dev.herald.job;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A CSV of text-message recipients made row by row as it is read, never held whole. */
final class GeneratedCsv extends InputStream {

  private final int rows;
  private int next = -1;
  private byte[] line = new byte[0];
  private int position;

  GeneratedCsv(int rows) {
    this.rows = rows;
  }

  @Override
  public int read() {
    if (position == line.length && !nextLine()) {
      return -1;
    }
    return line[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position == line.length && !nextLine()) {
      return -1;
    }
    int count = Math.min(length, line.length - position);
    System.arraycopy(line, position, buffer, offset, count);
    position += count;
    return count;
  }

  private boolean nextLine() {
    if (next == rows) {
      return false;
    }
    String text =
        next < 0
            ? "phone number,name,reference\n"
            : String.format("07700 900%03d,Person %d,ref-%d\n", next % 1000, next, next);
    next++;
    line = text.getBytes(StandardCharsets.UTF_8);
    position = 0;
    return true;
  }
}
