package dev.herald.job;

import dev.herald.api.RawBody;
import dev.herald.auth.AuthenticatedKey;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/notifications/bulk}: GC Notify's bulk send, an extension of Notify's API. */
@RestController
class V2BulkController {

  private final BulkSend bulk;

  V2BulkController(BulkSend bulk) {
    this.bulk = bulk;
  }

  @PostMapping("/v2/notifications/bulk")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> bulk(AuthenticatedKey key, @RawBody byte[] body) {
    return bulk.send(key, body);
  }
}
