package dev.herald.antivirus;

/**
 * The scanner could not be reached, took too long or answered with an error, so the content is
 * neither clean nor infected yet: scan it again later. The message never quotes the content.
 */
public class ScannerUnavailableException extends RuntimeException {

  public ScannerUnavailableException(String message) {
    super(message);
  }

  public ScannerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
