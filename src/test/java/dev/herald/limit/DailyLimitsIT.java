package dev.herald.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A daily limit counts only the sends that were stored, as Notify's counters do. */
class DailyLimitsIT extends ApiIT {

  private UUID service;
  private String key;
  private UUID template;

  @BeforeEach
  void aService() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    template = herald.template(service, "sms", null, "Hello");
  }

  private Http.Response sms(String phoneNumber, String reference) {
    return http.send(
        "POST",
        "/v2/notifications/sms",
        Tokens.bearer(key),
        Http.json(
            Map.of(
                "template_id", template.toString(),
                "phone_number", phoneNumber,
                "reference", reference)));
  }

  private void limits(Map<String, Object> limits) {
    herald.adminOk("PATCH", "/admin/services/" + service, limits);
  }

  @Test
  void anInternationalTextRefusedByTheSmsLimitDoesNotCountAsInternational() {
    limits(Map.of("sms_message_limit", 1, "international_sms_message_limit", 5));
    assertThat(sms("07700900123", "uk").status()).isEqualTo(201);
    Http.Response refused = sms("+33 6 12 34 56 78", "france");
    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(refused.json().get("errors").get(0).get("message").asString())
        .isEqualTo("Exceeded send limits (sms: 1) for today");

    limits(Map.of("sms_message_limit", 10, "international_sms_message_limit", 1));
    Http.Response sent = sms("+33 6 12 34 56 78", "france again");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
  }

  @Test
  void aSendThatCouldNotBeStoredDoesNotCount() {
    limits(Map.of("sms_message_limit", 1));
    // 1,000 random CJK characters: ~3,000 bytes that do not compress, too long for the index entry
    // on the caller's reference, so the insert fails after the send was counted.
    Random random = new Random(11);
    StringBuilder reference = new StringBuilder();
    random.ints(1000, 0x4E00, 0x9FFF).forEach(reference::appendCodePoint);
    Http.Response failed = sms("07700900123", reference.toString());
    assertThat(failed.status()).as(failed.body()).isNotEqualTo(201);

    Http.Response sent = sms("07700900123", "short");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
  }
}
