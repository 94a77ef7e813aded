package dev.herald.template;

import dev.herald.api.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a stored template with personalisation, refusing what Notify refuses. */
public final class Renders {

  private static final List<String> ADDRESS_KEYS =
      List.of(
          "addressline1",
          "addressline2",
          "addressline3",
          "addressline4",
          "addressline5",
          "addressline6",
          "addressline7",
          "postcode");

  private Renders() {}

  /** The placeholders of a template in Notify's order, address lines left out. */
  public static List<String> placeholders(Template t) {
    List<String> texts = new ArrayList<>();
    if ("letter".equals(t.type()) && t.letterContactBlock() != null) {
      texts.add(t.letterContactBlock());
    }
    if (!"sms".equals(t.type()) && t.subject() != null) {
      texts.add(t.subject());
    }
    texts.add(t.content());
    return Placeholders.names(texts.toArray(String[]::new)).stream()
        .filter(name -> !ADDRESS_KEYS.contains(Placeholders.key(name)))
        .toList();
  }

  /** Herald's own message (Notify has none) for an email body {@link #checked} refuses. */
  public static final String NESTED_TOO_DEEPLY =
      "Personalisation makes the email body nested too deeply (more than "
          + EmailBody.MAX_NESTING
          + " levels of lists, quotes or emphasis)";

  /**
   * Renders, or answers 400 {@code Missing personalisation: …} naming what is missing in the order
   * it appears (a letter's contact block first), or 400 {@link #NESTED_TOO_DEEPLY} for an email
   * body too deep to render.
   */
  public static RenderedTemplate checked(Template t, Map<String, ?> personalisation) {
    List<String> texts = new ArrayList<>();
    if ("letter".equals(t.type()) && t.letterContactBlock() != null) {
      texts.add(t.letterContactBlock());
    }
    if (!"sms".equals(t.type()) && t.subject() != null) {
      texts.add(t.subject());
    }
    texts.add(t.content());
    List<String> missing = Placeholders.missing(personalisation, texts.toArray(String[]::new));
    if (!missing.isEmpty()) {
      throw ApiException.badRequest("Missing personalisation: " + String.join(", ", missing));
    }
    RenderedTemplate rendered = render(t, personalisation);
    if ("email".equals(t.type()) && EmailBody.isNestedTooDeeply(rendered.body())) {
      throw ApiException.badRequest(NESTED_TOO_DEEPLY);
    }
    return rendered;
  }

  public static RenderedTemplate render(Template t, Map<String, ?> personalisation) {
    return TemplateRenderer.render(
        TemplateType.fromWireName(t.type()), t.subject(), t.content(), personalisation);
  }
}
