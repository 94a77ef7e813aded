package dev.herald.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** Notify's v2 error body: {@code {"status_code": N, "errors": [{"error", "message"}]}}. */
public record ErrorEnvelope(int statusCode, List<Error> errors) {

  /**
   * One error: the Notify error name, its message, and the few keys Notify adds to some errors (a
   * QR code's {@code data}, {@code num_bytes} and {@code max_bytes}).
   */
  @JsonPropertyOrder({"error", "message"})
  public record Error(String error, String message, @JsonAnyGetter Map<String, Object> details) {

    public Error(String error, String message) {
      this(error, message, Map.of());
    }
  }

  public static ErrorEnvelope of(int status, String error, List<String> messages) {
    return new ErrorEnvelope(status, messages.stream().map(m -> new Error(error, m)).toList());
  }
}
