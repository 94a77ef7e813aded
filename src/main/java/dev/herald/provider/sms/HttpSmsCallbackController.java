package dev.herald.provider.sms;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.notification.NotificationStatus;
import dev.herald.receipt.InboundMessage;
import dev.herald.receipt.ProviderReceipt;
import dev.herald.receipt.ProviderReports;
import dev.herald.receipt.Receipts;
import dev.herald.support.ConditionalOnSetting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where the aggregator reports back: delivery receipts and received texts, each authenticated by
 * the shared callback token and answered 204 once taken.
 */
@RestController
@ConditionalOnSetting("herald.http-sms.url")
class HttpSmsCallbackController {

  private static final Map<String, NotificationStatus> STATUSES =
      Map.of(
          "delivered", NotificationStatus.DELIVERED,
          "failed", NotificationStatus.PERMANENT_FAILURE,
          "pending", NotificationStatus.PENDING,
          "temporary-failure", NotificationStatus.TEMPORARY_FAILURE,
          "permanent-failure", NotificationStatus.PERMANENT_FAILURE);

  private final HttpSmsProperties properties;
  private final Receipts receipts;
  private final ObjectMapper json;
  private final Clock clock;

  HttpSmsCallbackController(
      HttpSmsProperties properties, Receipts receipts, ObjectMapper json, Clock clock) {
    this.properties = properties;
    this.receipts = receipts;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/providers/http-sms/receipts")
  ResponseEntity<Void> receipt(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RawBody byte[] body) {
    authenticate(authorization);
    JsonNode in = object(body);
    String id = ProviderReports.reference("id", required(in, "id"));
    String status = required(in, "status");
    Instant at = timestamp(required(in, "timestamp"));
    NotificationStatus mapped = STATUSES.get(status);
    if (mapped == null) {
      throw ApiException.validation(
          "status "
              + status
              + " is not one of [delivered, failed, pending, temporary-failure,"
              + " permanent-failure]");
    }
    receipts.apply(new ProviderReceipt(properties.name(), id, mapped, at));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/providers/http-sms/inbound")
  ResponseEntity<Void> inbound(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RawBody byte[] body) {
    authenticate(authorization);
    JsonNode in = object(body);
    String id = ProviderReports.reference("id", required(in, "id"));
    String from = required(in, "from");
    String to = required(in, "to");
    String text = required(in, "text");
    Instant at = timestamp(required(in, "timestamp"));
    receipts.receive(new InboundMessage(properties.name(), id, to, from, text, at));
    return ResponseEntity.noContent().build();
  }

  private void authenticate(String authorization) {
    if (authorization == null) {
      throw ApiException.auth(401, "Unauthorized: authentication token must be provided");
    }
    String token = properties.callbackToken();
    if (token == null
        || token.isBlank()
        || authorization.length() < 7
        || !authorization.substring(0, 7).equalsIgnoreCase("Bearer ")
        || !MessageDigest.isEqual(
            token.strip().getBytes(StandardCharsets.UTF_8),
            authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.auth(403, "Invalid token: the callback token does not match");
    }
  }

  private JsonNode object(byte[] body) {
    JsonNode in = JsonBodies.parse(json, body);
    if (!in.isObject()) {
      throw ApiException.badRequest("Invalid JSON supplied in POST data");
    }
    return in;
  }

  private static String required(JsonNode in, String field) {
    JsonNode value = in.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.validation(field + " is a required property");
    }
    if (!value.isString()) {
      throw ApiException.validation(field + " is not of type string");
    }
    return value.asString();
  }

  /**
   * An ISO-8601 date-time (one without an offset is taken as UTC) within the window of {@link
   * ProviderReports#reportedAt}.
   */
  private Instant timestamp(String text) {
    Instant at;
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              text, OffsetDateTime::from, LocalDateTime::from);
      at =
          parsed instanceof OffsetDateTime offset
              ? offset.toInstant()
              : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw ApiException.validation(
          "timestamp " + AdminInput.abbreviated(text) + " is not a valid ISO-8601 date-time");
    }
    return ProviderReports.reportedAt("timestamp", at, clock.instant());
  }
}
