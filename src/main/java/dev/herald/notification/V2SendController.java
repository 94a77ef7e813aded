package dev.herald.notification;

import dev.herald.api.ApiException;
import dev.herald.api.Links;
import dev.herald.auth.AuthenticatedKey;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/notifications/email} and {@code /sms}. */
@RestController
class V2SendController {

  private final SendService sends;
  private final Links links;

  V2SendController(SendService sends, Links links) {
    this.sends = sends;
    this.links = links;
  }

  @PostMapping("/v2/notifications/{type}")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> send(
      @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key,
      @PathVariable String type,
      @RequestBody(required = false) byte[] body,
      HttpServletRequest request) {
    if (!"email".equals(type) && !"sms".equals(type)) {
      throw ApiException.routeNotFound();
    }
    return sends.send(key, type, body, links.root(request));
  }
}
