package dev.herald.notification;

import dev.herald.notification.NotificationRepository.Stored;
import dev.herald.support.Timestamps;
import dev.herald.template.Placeholders;
import dev.herald.template.RenderedTemplate;
import dev.herald.template.Renders;
import dev.herald.template.Template;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A notification as {@code GET /v2/notifications/{id}} shows it (contract §4.3). */
final class NotificationView {

  /** Pounds per SMS fragment; Notify's published rate. */
  static final BigDecimal SMS_RATE = new BigDecimal("0.0227");

  private NotificationView() {}

  static Map<String, Object> of(
      Stored stored, Template template, Map<String, Object> personalisation, String root) {
    Notification n = stored.notification();
    PersonalData p = stored.personal();
    RenderedTemplate rendered = Renders.render(template, personalisation);
    boolean email = "email".equals(n.type());
    boolean sms = "sms".equals(n.type());
    boolean letter = "letter".equals(n.type());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", n.id());
    view.put("reference", n.clientReference());
    view.put("email_address", email ? p.recipient() : null);
    view.put("phone_number", sms ? p.recipient() : null);
    for (int line = 1; line <= 6; line++) {
      view.put("line_" + line, letter ? lookup(personalisation, "address_line_" + line) : null);
    }
    view.put("postcode", letter ? lookup(personalisation, "postcode") : null);
    view.put("type", n.type());
    view.put("status", n.status().shownFor(n.type()));
    Map<String, Object> templateView = new LinkedHashMap<>();
    templateView.put("id", n.templateId());
    templateView.put("version", n.templateVersion());
    templateView.put(
        "uri", root + "/v2/template/" + n.templateId() + "/version/" + n.templateVersion());
    view.put("template", templateView);
    view.put("body", rendered.body());
    view.put("subject", sms ? null : rendered.subject());
    view.put("created_at", Timestamps.format(n.createdAt()));
    view.put("created_by_name", null);
    view.put("sent_at", Timestamps.format(n.sentAt()));
    view.put(
        "completed_at",
        NotificationStatus.COMPLETED.contains(n.status())
            ? Timestamps.format(n.updatedAt())
            : null);
    view.put("scheduled_for", null);
    view.put("postage", letter ? n.postage() : null);
    view.put("one_click_unsubscribe_url", p.unsubscribeLink());
    putCost(view, n);
    return view;
  }

  private static void putCost(Map<String, Object> view, Notification n) {
    switch (n.type()) {
      case "sms" -> {
        boolean ready = n.billableUnits() > 0 || n.status() != NotificationStatus.CREATED;
        double multiplier = 1.0;
        view.put("is_cost_data_ready", ready);
        view.put(
            "cost_in_pounds",
            ready
                ? SMS_RATE
                    .multiply(BigDecimal.valueOf(n.billableUnits()))
                    .multiply(BigDecimal.valueOf(multiplier))
                    .doubleValue()
                : null);
        view.put(
            "cost_details",
            ready
                ? Map.of(
                    "billable_sms_fragments", n.billableUnits(),
                    "international_rate_multiplier", multiplier,
                    "sms_rate", SMS_RATE)
                : Map.of());
      }
      case "email" -> {
        view.put("is_cost_data_ready", true);
        view.put("cost_in_pounds", 0.0);
        view.put("cost_details", Map.of());
      }
      default -> {
        view.put("is_cost_data_ready", false);
        view.put("cost_in_pounds", null);
        view.put("cost_details", Map.of());
      }
    }
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
