package dev.herald.print;

/** A print provider failed to take a batch; {@link #retryable()} says whether to try again. */
public class PrintException extends Exception {

  private final boolean retryable;

  public PrintException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public PrintException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  public boolean retryable() {
    return retryable;
  }
}
