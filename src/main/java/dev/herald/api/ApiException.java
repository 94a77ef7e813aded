package dev.herald.api;

import java.util.List;
import java.util.Map;

/**
 * A request Herald refuses, answered in Notify's v2 envelope with the Notify error name.
 *
 * @see ErrorEnvelope
 */
public class ApiException extends RuntimeException {

  private static final String ROUTE_NOT_FOUND = "RouteNotFound";

  private final int status;
  private final String error;
  private final List<String> messages;
  private final Map<String, Object> details;

  public ApiException(int status, String error, List<String> messages) {
    this(status, error, messages, Map.of());
  }

  private ApiException(
      int status, String error, List<String> messages, Map<String, Object> details) {
    super(error + ": " + String.join("; ", messages), null, false, false);
    this.status = status;
    this.error = error;
    this.messages = List.copyOf(messages);
    this.details = details;
  }

  /** A 400 ValidationError whose error carries Notify's extra keys beside its message. */
  public static ApiException validationWith(String message, Map<String, Object> details) {
    return new ApiException(400, "ValidationError", List.of(message), details);
  }

  public ApiException(int status, String error, String message) {
    this(status, error, List.of(message));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequestError", message);
  }

  public static ApiException validation(List<String> messages) {
    return new ApiException(400, "ValidationError", messages);
  }

  public static ApiException validation(String message) {
    return validation(List.of(message));
  }

  public static ApiException auth(int status, String message) {
    return new ApiException(status, "AuthError", message);
  }

  public static ApiException noResultFound() {
    return new ApiException(404, "NoResultFound", "No result found");
  }

  /** A route Notify does not have: answered with the app-level 404 body, not the v2 envelope. */
  public static ApiException routeNotFound() {
    return new ApiException(404, ROUTE_NOT_FOUND, "");
  }

  boolean isRouteNotFound() {
    return ROUTE_NOT_FOUND.equals(error);
  }

  public int status() {
    return status;
  }

  public ErrorEnvelope envelope() {
    if (!details.isEmpty()) {
      return new ErrorEnvelope(
          status, List.of(new ErrorEnvelope.Error(error, messages.getFirst(), details)));
    }
    return ErrorEnvelope.of(status, error, messages);
  }
}
