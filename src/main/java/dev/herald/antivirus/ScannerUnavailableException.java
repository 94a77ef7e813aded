package dev.herald.antivirus;

/** The scanner could not be reached, timed out or answered with an error: worth retrying. */
public class ScannerUnavailableException extends RuntimeException {

  public ScannerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
