package dev.herald.bench;

import dev.herald.testdata.Herald;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A live email service made through the admin API with limits no benchmark reaches, an email
 * template with placeholders, and a {@code normal} key.
 */
record BenchService(UUID id, UUID templateId, String key) {

  static BenchService create(Herald herald) {
    UUID service = herald.service(serviceBody());
    UUID template =
        herald.template(service, "email", "Hello ((name))", "Dear ((name)), ref ((reference)).");
    return new BenchService(service, template, herald.key(service, "normal"));
  }

  SendRequests sends(String root) {
    return new SendRequests(root, key, templateId);
  }

  private static Map<String, Object> serviceBody() {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Bench " + UUID.randomUUID());
    body.put("restricted", false);
    body.put("permissions", List.of("email"));
    body.put("rate_limit", 100_000_000);
    body.put("email_message_limit", 1_000_000_000L);
    return body;
  }
}
