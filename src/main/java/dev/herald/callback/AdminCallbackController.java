package dev.herald.callback;

import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.service.ServiceRepository;
import dev.herald.support.Ids;
import dev.herald.support.SecretBox;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** A service's callback URLs and the record of calls made to them, on the admin API. */
@RestController
class AdminCallbackController {

  private static final int ATTEMPTS_SHOWN = 100;

  private final ServiceRepository services;
  private final CallbackRepository callbacks;
  private final SecretBox secrets;
  private final ObjectMapper json;
  private final Clock clock;

  AdminCallbackController(
      ServiceRepository services,
      CallbackRepository callbacks,
      SecretBox secrets,
      ObjectMapper json,
      Clock clock) {
    this.services = services;
    this.callbacks = callbacks;
    this.secrets = secrets;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/admin/services/{id}/callbacks")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> save(@PathVariable String id, @RawBody byte[] body) {
    UUID serviceId = requireService(id);
    CallbackInput in = CallbackInput.read(JsonBodies.parse(json, body));
    UUID callbackId =
        callbacks.save(
            Ids.random(),
            serviceId,
            in.callbackType(),
            in.url(),
            secrets.sealString(in.bearerToken()),
            clock.instant());
    return Map.of("id", callbackId, "callback_type", in.callbackType(), "url", in.url());
  }

  @GetMapping("/admin/services/{id}/callbacks")
  Map<String, Object> list(@PathVariable String id) {
    List<Map<String, Object>> views =
        callbacks.list(requireService(id)).stream().map(AdminCallbackController::view).toList();
    return Map.of("callbacks", views);
  }

  @DeleteMapping("/admin/services/{id}/callbacks/{callbackType}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id, @PathVariable String callbackType) {
    if (!callbacks.delete(requireService(id), callbackType)) {
      throw ApiException.noResultFound();
    }
  }

  @GetMapping("/admin/services/{id}/callbacks/attempts")
  Map<String, Object> attempts(@PathVariable String id) {
    List<Map<String, Object>> views =
        callbacks.attempts(requireService(id), ATTEMPTS_SHOWN).stream()
            .map(AdminCallbackController::view)
            .toList();
    return Map.of("attempts", views);
  }

  private UUID requireService(String id) {
    return Uuids.parse(id).flatMap(services::find).orElseThrow(ApiException::noResultFound).id();
  }

  private static Map<String, Object> view(CallbackEndpoint c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("callback_type", c.callbackType());
    view.put("url", c.url());
    view.put("created_at", Timestamps.format(c.createdAt()));
    view.put("updated_at", Timestamps.format(c.updatedAt()));
    return view;
  }

  private static Map<String, Object> view(CallbackAttempt a) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", a.id());
    view.put("callback_type", a.callbackType());
    view.put("subject_id", a.subjectId());
    view.put("notification_status", a.notificationStatus());
    view.put("attempt", a.attempt());
    view.put("status_code", a.statusCode());
    view.put("error", a.error());
    view.put("duration_ms", a.durationMs());
    view.put("attempted_at", Timestamps.format(a.attemptedAt()));
    return view;
  }
}
