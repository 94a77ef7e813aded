package dev.herald.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for what it refuses before Spring sees it (a malformed request line, an
 * invalid or too long URI, bad headers): the v2 envelope instead of an HTML page. It never quotes
 * the request, nor the exception, whose message may.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(Envelopes.json(refusal(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client has gone or the response was committed meanwhile: nothing left to tell it.
    }
  }

  static ApiException refusal(int status) {
    return switch (status) {
      case 400 ->
          ApiException.badRequest(
              "The request could not be read: its request line, URL or headers are malformed");
      case 413 -> new ApiException(413, "BadRequestError", "Request body is too large");
      case 414 -> new ApiException(414, "BadRequestError", "The URL is too long");
      case 431 -> new ApiException(431, "BadRequestError", "The request headers are too large");
      default ->
          status < 500
              ? new ApiException(status, "BadRequestError", "The request was refused")
              : new ApiException(status, "InternalServerError", "Internal server error");
    };
  }
}
