package dev.herald.admin;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.delivery.ProviderSettings;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Delivery providers: their priorities, whether they are in use, and the history of changes. */
@RestController
class AdminProviderController {

  private final ProviderSettings settings;
  private final ObjectMapper json;

  AdminProviderController(ProviderSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  @GetMapping("/admin/providers")
  Map<String, List<Map<String, Object>>> list() {
    return Map.of("providers", settings.list());
  }

  @PatchMapping("/admin/providers/{id}")
  Map<String, Object> update(@PathVariable String id, @RawBody byte[] body) {
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    Long priority = in.number("priority", 0, 100);
    Boolean active = in.bool("active");
    String reason = in.string("reason", false, 255);
    in.done();
    return settings
        .set(
            id,
            priority == null ? null : priority.intValue(),
            active,
            reason == null || reason.isBlank()
                ? "set by an operator"
                : "set by an operator: " + reason)
        .orElseThrow(ApiException::noResultFound);
  }
}
