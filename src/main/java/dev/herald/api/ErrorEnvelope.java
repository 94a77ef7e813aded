package dev.herald.api;

import java.util.List;

/** Notify's v2 error body: {@code {"status_code": N, "errors": [{"error", "message"}]}}. */
public record ErrorEnvelope(int statusCode, List<Error> errors) {

  /** One error: the Notify error name and its message. */
  public record Error(String error, String message) {}

  public static ErrorEnvelope of(int status, String error, List<String> messages) {
    return new ErrorEnvelope(status, messages.stream().map(m -> new Error(error, m)).toList());
  }
}
