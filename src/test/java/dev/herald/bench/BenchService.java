package dev.herald.bench;

import dev.herald.testdata.Herald;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A live service made through the admin API with rate and daily limits no benchmark reaches, a
 * template of the benchmark's type with placeholders, and a {@code normal} key.
 */
record BenchService(UUID id, UUID templateId, String key, BenchType type) {

  static BenchService create(Herald herald) {
    return create(herald, BenchType.EMAIL);
  }

  static BenchService create(Herald herald, BenchType type) {
    UUID service = herald.service(serviceBody());
    UUID template = herald.template(service, type.value(), type.subject(), type.content());
    return new BenchService(service, template, herald.key(service, "normal"), type);
  }

  SendRequests sends(String root) {
    return new SendRequests(root, key, templateId, type);
  }

  private static Map<String, Object> serviceBody() {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Bench " + UUID.randomUUID());
    body.put("restricted", false);
    body.put("permissions", List.of("email", "sms"));
    body.put("rate_limit", 100_000_000);
    body.put("email_message_limit", 1_000_000_000L);
    body.put("sms_message_limit", 1_000_000_000L);
    return body;
  }
}
