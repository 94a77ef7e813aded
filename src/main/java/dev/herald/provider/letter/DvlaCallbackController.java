package dev.herald.provider.letter;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.api.RequestValidator;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.print.PrintReceipt;
import dev.herald.print.PrintReceipts;
import dev.herald.receipt.ProviderReports;
import dev.herald.support.ConditionalOnSetting;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where DVLA reports a letter despatched or rejected (notify-letters.md §4.2), answered 204 once
 * applied. The signed token in the query string is the only authentication, so it is checked before
 * the body is parsed (Notify checks the body first). Errors are Notify's v2 envelope, as Notify's
 * route gives them; a duplicate or late report is the receipts' harmless no-op.
 */
@RestController
@ConditionalOnSetting("herald.print.dvla.url")
class DvlaCallbackController {

  private static final Logger log = LoggerFactory.getLogger(DvlaCallbackController.class);

  private static final DateTimeFormatter TRANSITION_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
          .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern SHEETS = Pattern.compile("[0-9]{1,9}");

  private final PrintCallbackTokens tokens;
  private final PrintReceipts receipts;
  private final NotificationRepository notifications;
  private final ObjectMapper json;
  private final Clock clock;
  private final RequestValidator schema =
      RequestValidator.forSchema("schemas/dvla_letter_callback.json");

  DvlaCallbackController(
      PrintCallbackTokens tokens,
      PrintReceipts receipts,
      NotificationRepository notifications,
      ObjectMapper json,
      Clock clock) {
    this.tokens = tokens;
    this.receipts = receipts;
    this.notifications = notifications;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/notifications/letter/status")
  ResponseEntity<Void> status(
      @RequestParam(name = "token", required = false) String token, @RawBody byte[] body) {
    UUID id =
        tokens
            .verify(token)
            .orElseThrow(
                () ->
                    new ApiException(
                        403,
                        "InvalidRequest",
                        "A valid token must be provided in the query string"));
    JsonNode data = data(body, id);
    Instant at = transitionDate(data.get("transitionDate").asString());
    boolean despatched = data.get("jobStatus").asString().equals("DESPATCHED");
    if (despatched) {
      checkSheets(id, data.get("despatchProperties"));
    }
    NotificationStatus status =
        despatched ? NotificationStatus.DELIVERED : NotificationStatus.TECHNICAL_FAILURE;
    receipts.applyById(id, new PrintReceipt(DvlaPrintProvider.NAME, null, status, at));
    return ResponseEntity.noContent().build();
  }

  /** The body's {@code data}, once the body fits the schema and names the token's letter. */
  private JsonNode data(byte[] body, UUID id) {
    JsonNode in = JsonBodies.parse(json, body);
    List<String> errors = schema.validate(in);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    JsonNode data = in.get("data");
    if (!RequestValidator.parseUuid(data.get("jobId").asString()).orElseThrow().equals(id)) {
      throw new ApiException(
          400,
          "InvalidRequest",
          "Notification ID in letter callback data does not match ID in token");
    }
    return data;
  }

  /** Only {@code 2026-11-03T17:45:12Z}, as Notify parses it; Notify answers anything else 500. */
  private Instant transitionDate(String text) {
    Instant at;
    try {
      at = LocalDateTime.parse(text, TRANSITION_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ApiException.validation(
          "transitionDate "
              + AdminInput.abbreviated(text)
              + " is not a date-time of the form YYYY-MM-DDThh:mm:ssZ");
    }
    return ProviderReports.reportedAt("transitionDate", at, clock.instant());
  }

  /** A printer's sheet count that differs from Herald's is worth a look, not a refusal. */
  private void checkSheets(UUID id, JsonNode despatchProperties) {
    for (JsonNode property : despatchProperties) {
      if (!property.get("key").asString().equals("totalSheets")) {
        continue;
      }
      String printed = property.get("value").asString();
      if (!SHEETS.matcher(printed).matches()) {
        log.warn("DVLA despatched letter {} with a totalSheets that is not a number", id);
        continue;
      }
      int sheets = Integer.parseInt(printed);
      notifications
          .billableUnits(id)
          .filter(counted -> counted != sheets)
          .ifPresent(
              counted ->
                  log.warn(
                      "DVLA despatched letter {} on {} sheets; Herald counted {}",
                      id,
                      sheets,
                      counted));
    }
  }
}
