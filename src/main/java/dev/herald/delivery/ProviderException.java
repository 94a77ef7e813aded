package dev.herald.delivery;

/** A provider refused or failed a hand-over; {@link #retryable()} says whether to try again. */
public class ProviderException extends Exception {

  private final boolean retryable;

  public ProviderException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public ProviderException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  public boolean retryable() {
    return retryable;
  }
}
