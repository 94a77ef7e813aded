package dev.herald.recipient;

/** A recipient that Notify would refuse, with Notify's message text (without the field name). */
public class InvalidRecipientException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidRecipientException(String message) {
    super(message);
  }
}
