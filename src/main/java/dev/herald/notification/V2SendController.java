package dev.herald.notification;

import dev.herald.api.ApiException;
import dev.herald.api.Links;
import dev.herald.api.RawBody;
import dev.herald.auth.AuthenticatedKey;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/notifications/email}, {@code /sms} and {@code /letter}. */
@RestController
class V2SendController {

  private final SendService sends;
  private final Links links;

  V2SendController(SendService sends, Links links) {
    this.sends = sends;
    this.links = links;
  }

  @PostMapping("/v2/notifications/email")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> email(
      AuthenticatedKey key, @RawBody byte[] body, HttpServletRequest request) {
    return sends.send(key, "email", body, links.root(request));
  }

  @PostMapping("/v2/notifications/sms")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> sms(AuthenticatedKey key, @RawBody byte[] body, HttpServletRequest request) {
    return sends.send(key, "sms", body, links.root(request));
  }

  @PostMapping("/v2/notifications/letter")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> letter(
      AuthenticatedKey key, @RawBody byte[] body, HttpServletRequest request) {
    return sends.sendLetter(key, body, links.root(request));
  }

  /** Any other type answers Notify's app-level 404 rather than a 405 from the GET route. */
  @PostMapping("/v2/notifications/{id}")
  void otherType(@PathVariable String id) {
    throw ApiException.routeNotFound();
  }
}
