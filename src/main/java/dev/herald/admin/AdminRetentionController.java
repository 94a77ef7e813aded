package dev.herald.admin;

import dev.herald.api.AdminInput;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.retention.RetentionRedating;
import dev.herald.service.DataRetention;
import dev.herald.service.Service;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * How long a service keeps personal data per notification type. A change applies to the
 * notifications already stored too: they are re-dated in the background.
 */
@RestController
class AdminRetentionController {

  private final AdminServices services;
  private final DataRetention retention;
  private final RetentionRedating redating;
  private final ObjectMapper json;
  private final Clock clock;

  AdminRetentionController(
      AdminServices services,
      DataRetention retention,
      RetentionRedating redating,
      ObjectMapper json,
      Clock clock) {
    this.services = services;
    this.retention = retention;
    this.redating = redating;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/admin/services/{id}/data-retention")
  Map<String, List<Map<String, Object>>> list(@PathVariable String id) {
    Service service = services.require(id);
    Map<String, Integer> set = retention.all(service.id());
    return Map.of(
        "data_retention",
        List.of("email", "sms", "letter").stream()
            .map(
                type ->
                    view(
                        type,
                        set.getOrDefault(type, DataRetention.DEFAULT_DAYS),
                        !set.containsKey(type)))
            .toList());
  }

  @PutMapping("/admin/services/{id}/data-retention")
  @Transactional
  Map<String, Object> set(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String type = in.oneOf("notification_type", true, Set.of("email", "sms", "letter"));
    Long days = in.number("days_of_retention", 3, 90);
    if (!in.has("days_of_retention")) {
      in.error("days_of_retention is a required property");
    }
    in.done();
    int previous = retention.set(service.id(), type, days.intValue(), clock.instant());
    if (previous != days) {
      redating.queue(service.id(), type);
    }
    return view(type, days.intValue(), false);
  }

  private static Map<String, Object> view(String type, int days, boolean isDefault) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("notification_type", type);
    view.put("days_of_retention", days);
    view.put("default", isDefault);
    return view;
  }
}
