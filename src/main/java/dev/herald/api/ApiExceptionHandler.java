package dev.herald.api;

import dev.herald.support.RedactedThrowable;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure into Notify's answer: the v2 envelope, or the app-level 404/405 body. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  static final String NOT_FOUND =
      "The requested URL was not found on the server. If you entered the URL manually please check"
          + " your spelling and try again.";
  static final String METHOD_NOT_ALLOWED = "The method is not allowed for the requested URL.";

  @ExceptionHandler(ApiException.class)
  ResponseEntity<?> api(ApiException e) {
    if (e.isRouteNotFound()) {
      return appLevel(HttpStatus.NOT_FOUND, NOT_FOUND);
    }
    return envelope(e);
  }

  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  ResponseEntity<Map<String, Object>> notFound(Exception e) {
    return appLevel(HttpStatus.NOT_FOUND, NOT_FOUND);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return appLevel(HttpStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED);
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    HttpMediaTypeNotSupportedException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ErrorEnvelope> unreadable(Exception e) {
    return envelope(ApiException.badRequest("Invalid JSON supplied in POST data"));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ErrorEnvelope> tooLarge(Exception e) {
    return envelope(new ApiException(413, "BadRequestError", "Request body is too large"));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ErrorEnvelope> duplicate(DuplicateKeyException e) {
    return envelope(
        ApiException.badRequest("Duplicate: a record with these details already exists"));
  }

  /** Tomcat could not parse the query string or form body (bad escape, too many parameters). */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ErrorEnvelope> invalidParameters(InvalidParameterException e) {
    return envelope(
        ApiException.badRequest(
            "The query string or form data could not be read: it must be percent-encoded UTF-8"
                + " with at most "
                + RequestTextFilter.MAX_PARAMETERS
                + " parameters"));
  }

  /**
   * Logs what failed without any exception message, which may quote the request (a parameter's
   * value, the JSON PostgreSQL refused): see {@link RedactedThrowable}.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
    Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (DatabaseOutage.isRefusedValue(e)) {
      log.warn("Database refused a value in {}: {}", route, RedactedThrowable.summary(e));
      return envelope(
          ApiException.badRequest(
              "The request holds a value Herald cannot store: too long, or not valid text"));
    }
    if (DatabaseOutage.isOutage(e)) {
      log.warn("Database unavailable in {}: {}", route, RedactedThrowable.summary(e));
      return envelope(DatabaseOutage.answer());
    }
    log.error("Unhandled error in {}", route, RedactedThrowable.of(e));
    return envelope(new ApiException(500, e.getClass().getSimpleName(), "Internal server error"));
  }

  // The type is set, not negotiated: a client that asks for text/html still gets the envelope,
  // where negotiation would fail and end on the servlet container's HTML error page.
  private static ResponseEntity<ErrorEnvelope> envelope(ApiException e) {
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(e.envelope());
  }

  private static ResponseEntity<Map<String, Object>> appLevel(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("result", "error");
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
