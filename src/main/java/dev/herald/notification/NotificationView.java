package dev.herald.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.herald.notification.NotificationRepository.Stored;
import dev.herald.support.Timestamps;
import dev.herald.template.Placeholders;
import dev.herald.template.RenderedTemplate;
import dev.herald.template.Renders;
import dev.herald.template.Template;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A notification as {@code GET /v2/notifications/{id}} and the list show it (contract §4.3): every
 * field in Notify's order, nulls written. A record rather than a map, so that Jackson resolves the
 * serializers of its fields once and not for every value of every notification of a 250-row page (a
 * JFR profile of the list had a third of its request thread in Jackson, the largest part of it
 * finding serializers for the maps' values).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record NotificationView(
    @JsonProperty("id") UUID id,
    @JsonProperty("reference") String reference,
    @JsonProperty("email_address") String emailAddress,
    @JsonProperty("phone_number") String phoneNumber,
    @JsonProperty("line_1") Object line1,
    @JsonProperty("line_2") Object line2,
    @JsonProperty("line_3") Object line3,
    @JsonProperty("line_4") Object line4,
    @JsonProperty("line_5") Object line5,
    @JsonProperty("line_6") Object line6,
    @JsonProperty("postcode") Object postcode,
    @JsonProperty("type") String type,
    @JsonProperty("status") String status,
    @JsonProperty("template") TemplateRef template,
    @JsonProperty("body") String body,
    @JsonProperty("subject") String subject,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("created_by_name") String createdByName,
    @JsonProperty("sent_at") String sentAt,
    @JsonProperty("completed_at") String completedAt,
    @JsonProperty("scheduled_for") String scheduledFor,
    @JsonProperty("postage") String postage,
    @JsonProperty("one_click_unsubscribe_url") String oneClickUnsubscribeUrl,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("estimated_delivery")
        String estimatedDelivery,
    @JsonProperty("is_cost_data_ready") boolean isCostDataReady,
    @JsonProperty("cost_in_pounds") Double costInPounds,
    @JsonProperty("cost_details") CostDetails costDetails) {

  /** Pounds per SMS fragment; Notify's published rate. */
  static final BigDecimal SMS_RATE = new BigDecimal("0.0227");

  /** The template a notification was sent from, at its version. */
  record TemplateRef(
      @JsonProperty("id") UUID id,
      @JsonProperty("version") int version,
      @JsonProperty("uri") String uri) {}

  /** An SMS's or a letter's cost, or {@link #NONE} ({@code {}}) for email and costs not known. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CostDetails(
      @JsonProperty("billable_sms_fragments") Integer billableSmsFragments,
      @JsonProperty("international_rate_multiplier") Double internationalRateMultiplier,
      @JsonProperty("sms_rate") BigDecimal smsRate,
      @JsonProperty("billable_sheets_of_paper") Integer billableSheetsOfPaper,
      @JsonProperty("postage") String postage) {

    static final CostDetails NONE = new CostDetails(null, null, null, null, null);

    static CostDetails sms(int fragments, double multiplier) {
      return new CostDetails(fragments, multiplier, SMS_RATE, null, null);
    }

    static CostDetails letter(int sheets, String postage) {
      return new CostDetails(null, null, null, sheets, postage);
    }
  }

  /**
   * Letters that were never sent: they show no sheets and cost nothing (notify-letters.md §6.2).
   */
  private static final Set<NotificationStatus> NEVER_SENT =
      EnumSet.of(
          NotificationStatus.CANCELLED,
          NotificationStatus.TECHNICAL_FAILURE,
          NotificationStatus.VALIDATION_FAILED,
          NotificationStatus.VIRUS_SCAN_FAILED);

  static NotificationView of(
      Stored stored,
      Template template,
      Map<String, Object> personalisation,
      LetterDetails letters,
      String root) {
    Notification n = stored.notification();
    PersonalData p = stored.personal();
    RenderedTemplate rendered = Renders.render(template, personalisation);
    boolean email = "email".equals(n.type());
    boolean sms = "sms".equals(n.type());
    boolean letter = "letter".equals(n.type());
    Object[] address = new Object[7];
    if (letter) {
      for (int line = 1; line <= 6; line++) {
        address[line - 1] = lookup(personalisation, "address_line_" + line);
      }
      address[6] = lookup(personalisation, "postcode");
    }
    boolean smsCostReady =
        sms && (n.billableUnits() > 0 || n.status() != NotificationStatus.CREATED);
    double multiplier = 1.0;
    // A letter's sheets are counted when its PDF is made: until then its cost is not known (§6.2).
    boolean letterCostReady =
        letter
            && n.status() != NotificationStatus.PENDING_VIRUS_CHECK
            && !(n.status() == NotificationStatus.CREATED && n.billableUnits() == 0);
    int sheets = NEVER_SENT.contains(n.status()) ? 0 : n.billableUnits();
    return new NotificationView(
        n.id(),
        n.clientReference(),
        email ? p.recipient() : null,
        sms ? p.recipient() : null,
        address[0],
        address[1],
        address[2],
        address[3],
        address[4],
        address[5],
        address[6],
        n.type(),
        n.status().shownFor(n.type()),
        new TemplateRef(
            n.templateId(),
            n.templateVersion(),
            root + "/v2/template/" + n.templateId() + "/version/" + n.templateVersion()),
        rendered.body(),
        sms ? null : rendered.subject(),
        Timestamps.format(n.createdAt()),
        null,
        Timestamps.format(n.sentAt()),
        NotificationStatus.COMPLETED.contains(n.status()) ? Timestamps.format(n.updatedAt()) : null,
        null,
        letter ? n.postage() : null,
        p.unsubscribeLink(),
        letter ? Timestamps.format(letters.estimatedDelivery(n.createdAt(), n.postage())) : null,
        email || smsCostReady || letterCostReady,
        letterCostReady
            ? letterCost(n, sheets, letters)
            : email
                ? Double.valueOf(0.0)
                : smsCostReady
                    ? SMS_RATE
                        .multiply(BigDecimal.valueOf(n.billableUnits()))
                        .multiply(BigDecimal.valueOf(multiplier))
                        .doubleValue()
                    : null,
        smsCostReady
            ? CostDetails.sms(n.billableUnits(), multiplier)
            : letterCostReady ? CostDetails.letter(sheets, n.postage()) : CostDetails.NONE);
  }

  /** The rate of a letter of {@code sheets}, or nothing to pay for none (test keys, never sent). */
  private static Double letterCost(Notification n, int sheets, LetterDetails letters) {
    if (sheets == 0) {
      return 0.0;
    }
    return letters
        .rate(n.createdAt(), sheets, n.postage())
        .map(BigDecimal::doubleValue)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No letter rate for " + sheets + " sheets of " + n.postage()));
  }

  private static Object lookup(Map<String, Object> personalisation, String name) {
    String wanted = Placeholders.key(name);
    return personalisation.entrySet().stream()
        .filter(e -> Placeholders.key(e.getKey()).equals(wanted))
        .map(Map.Entry::getValue)
        .reduce((a, b) -> b)
        .orElse(null);
  }
}
