package dev.herald.delivery;

/**
 * A provider refused or failed a hand-over; {@link #retryable()} says whether to try again, {@link
 * #notSent()} whether the provider never saw the message.
 */
public class ProviderException extends Exception {

  private final boolean retryable;
  private final boolean notSent;

  public ProviderException(String message, boolean retryable, Throwable cause) {
    this(message, retryable, false, cause);
  }

  private ProviderException(String message, boolean retryable, boolean notSent, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.notSent = notSent;
  }

  /**
   * Herald's own way to the provider was full (every connection stayed busy): the message never
   * left, so trying again later is not another attempt.
   */
  public static ProviderException busy(String message, Throwable cause) {
    return new ProviderException(message, true, true, cause);
  }

  /** Whether the message never reached the provider: Herald was too busy to hand it over. */
  public boolean notSent() {
    return notSent;
  }

  public ProviderException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  public boolean retryable() {
    return retryable;
  }
}
