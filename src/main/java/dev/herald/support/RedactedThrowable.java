package dev.herald.support;

import java.sql.SQLException;

/**
 * A copy of an exception and its causes for the log: each one's class, SQLState and stack frames,
 * never its message. Messages quote input: Tomcat's parameter errors quote the value, PostgreSQL's
 * quote the JSON or the row it refused, with recipients and personalisation in them.
 */
public final class RedactedThrowable extends RuntimeException {

  private static final int MAX_CAUSES = 10;

  private RedactedThrowable(String description, RedactedThrowable cause) {
    super(description, cause, false, true);
  }

  /** The redacted copy of {@code e}, with the same stack frames. */
  public static Throwable of(Throwable e) {
    return copy(e, 0);
  }

  /** One line: the class and SQLState of {@code e} and of each cause. */
  public static String summary(Throwable e) {
    StringBuilder line = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
      line.append(depth == 0 ? "" : " <- ").append(describe(t));
    }
    return line.toString();
  }

  private static RedactedThrowable copy(Throwable e, int depth) {
    RedactedThrowable cause =
        e.getCause() == null || depth >= MAX_CAUSES ? null : copy(e.getCause(), depth + 1);
    RedactedThrowable copy = new RedactedThrowable(describe(e), cause);
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private static String describe(Throwable t) {
    String name = t.getClass().getName();
    return t instanceof SQLException sql && sql.getSQLState() != null
        ? name + " (SQLState " + sql.getSQLState() + ")"
        : name;
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
