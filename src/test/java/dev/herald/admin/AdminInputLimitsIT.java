package dev.herald.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API's documented limits (docs/admin-api.md, "Limits"): a 400 naming the field. */
class AdminInputLimitsIT extends ApiIT {

  /** Random, so that PostgreSQL cannot compress it under its index entry limit (~2,700 bytes). */
  private static final String HUGE = Herald.randomText(100_000);

  private static String message(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("error").asString())
        .isEqualTo("ValidationError");
    return response.json().get("errors").get(0).get("message").asString();
  }

  private String patchService(UUID service, String field, Object value) {
    return message(herald.admin("PATCH", "/admin/services/" + service, Map.of(field, value)));
  }

  @Test
  void refusesNumbersBeyondTheirRangeHoweverLarge() {
    UUID service = herald.liveService();
    assertThat(patchService(service, "rate_limit", new BigDecimal("1e30")))
        .endsWith(" is greater than the maximum of 2147483647")
        .startsWith("rate_limit ");
    assertThat(patchService(service, "rate_limit", new BigInteger("99999999999999999999")))
        .isEqualTo("rate_limit 99999999999999999999 is greater than the maximum of 2147483647");
    assertThat(patchService(service, "rate_limit", 2_147_483_648L))
        .isEqualTo("rate_limit 2147483648 is greater than the maximum of 2147483647");
    assertThat(patchService(service, "sms_message_limit", new BigInteger("99999999999999999999")))
        .isEqualTo(
            "sms_message_limit 99999999999999999999 is greater than the maximum of"
                + " 9223372036854775807");
    assertThat(
            patchService(service, "email_message_limit", new BigInteger("-99999999999999999999")))
        .isEqualTo("email_message_limit -99999999999999999999 is less than the minimum of 0");
    assertThat(patchService(service, "letter_message_limit", new BigDecimal("2.5")))
        .isEqualTo("letter_message_limit 2.5 is not of type integer");
    assertThat(
            message(
                herald.admin(
                    "PUT",
                    "/admin/services/" + service + "/data-retention",
                    Map.of(
                        "notification_type",
                        "email",
                        "days_of_retention",
                        new BigInteger("99999999999999999999")))))
        .isEqualTo("days_of_retention 99999999999999999999 is greater than the maximum of 90");
    assertThat(
            herald
                .adminOk(
                    "PATCH",
                    "/admin/services/" + service,
                    Map.of("rate_limit", new BigDecimal("1e3")))
                .get("rate_limit")
                .asInt())
        .isEqualTo(1000);
  }

  @Test
  void refusesStringsLongerThanTheirMaximum() {
    assertThat(message(herald.admin("POST", "/admin/services", Map.of("name", HUGE))))
        .isEqualTo("name is longer than the maximum of 255 characters");
    UUID service = herald.liveService();
    String at = "/admin/services/" + service;
    assertThat(patchService(service, "name", HUGE))
        .isEqualTo("name is longer than the maximum of 255 characters");
    assertThat(patchService(service, "contact_link", HUGE))
        .isEqualTo("contact_link is longer than the maximum of 255 characters");
    assertThat(
            message(
                herald.admin("POST", at + "/api-keys", Map.of("name", HUGE, "key_type", "normal"))))
        .isEqualTo("name is longer than the maximum of 255 characters");
    assertThat(message(herald.admin("POST", at + "/inbound-number", Map.of("number", HUGE))))
        .isEqualTo("number is longer than the maximum of 20 characters");
    assertThat(
            message(
                herald.admin(
                    "POST", at + "/sms-senders", Map.of("sms_sender", "4".repeat(100_000)))))
        .isEqualTo("sms_sender is longer than the maximum of 20 characters");
    assertThat(
            message(
                herald.admin(
                    "POST",
                    at + "/email-reply-to",
                    Map.of("email_address", HUGE + "@example.gov.uk"))))
        .isEqualTo("email_address is longer than the maximum of 255 characters");
    assertThat(
            message(
                herald.admin(
                    "POST",
                    at + "/templates",
                    Map.of("name", HUGE, "template_type", "sms", "content", "Hello"))))
        .isEqualTo("name is longer than the maximum of 255 characters");
    Http.Response callback =
        herald.admin(
            "POST",
            at + "/callbacks",
            Map.of(
                "callback_type",
                "delivery_status",
                "url",
                "https://example.gov.uk/" + HUGE,
                "bearer_token",
                HUGE));
    assertThat(message(callback)).isEqualTo("url is longer than the maximum of 2000 characters");
    assertThat(callback.json().get("errors").get(1).get("message").asString())
        .isEqualTo("bearer_token is longer than the maximum of 1000 characters");
  }

  @Test
  void refusesAMalformedReplyToAddress() {
    UUID service = herald.liveService();
    for (String address : new String[] {"not-an-email", "a@b", "x@example..gov.uk", "a b@c.uk"}) {
      assertThat(
              message(
                  herald.admin(
                      "POST",
                      "/admin/services/" + service + "/email-reply-to",
                      Map.of("email_address", address))))
          .isEqualTo("email_address " + address + " is not a valid email address");
    }
    assertThat(
            herald
                .admin(
                    "POST",
                    "/admin/services/" + service + "/email-reply-to",
                    Map.of("email_address", "replies@example.gov.uk"))
                .status())
        .isEqualTo(201);
  }
}
