package dev.herald.template;

import java.util.Map;

/** Fills personalisation into a template's subject and content exactly as Notify's API does. */
public final class TemplateRenderer {

  private TemplateRenderer() {}

  /** Renders the body and subject; placeholders without a value are left as written. */
  public static RenderedTemplate render(
      TemplateType type, String subject, String content, Map<String, ?> personalisation) {
    String safeContent = content == null ? "" : content;
    return switch (type) {
      case SMS -> sms(safeContent, personalisation);
      case EMAIL ->
          new RenderedTemplate(
              markdownBody(safeContent, personalisation),
              emailSubject(subject, personalisation),
              isEmpty(safeContent, personalisation));
      case LETTER ->
          new RenderedTemplate(
              markdownBody(safeContent, personalisation),
              letterSubject(subject, personalisation),
              isEmpty(safeContent, personalisation));
    };
  }

  /** The SMS text before the GSM downgrade, which Notify measures for emptiness. */
  static String unsanitisedSms(String content, Map<String, ?> personalisation) {
    String filled = Field.fill(content, personalisation, Field.Lists.PROSE);
    String normalised = Whitespace.normaliseLines(Whitespace.removeBeforePunctuation(filled));
    return Whitespace.strip(Whitespace.normaliseMultipleNewlines(normalised));
  }

  private static RenderedTemplate sms(String content, Map<String, ?> personalisation) {
    String unsanitised = unsanitisedSms(content, personalisation);
    return new RenderedTemplate(SmsText.sanitise(unsanitised), null, unsanitised.isEmpty());
  }

  private static String markdownBody(String content, Map<String, ?> personalisation) {
    return Whitespace.strip(Field.fill(content, personalisation, Field.Lists.MARKDOWN));
  }

  private static String emailSubject(String subject, Map<String, ?> personalisation) {
    String filled = Field.fill(nonNull(subject), personalisation, Field.Lists.PROSE);
    return Whitespace.normalise(Typography.nice(filled));
  }

  private static String letterSubject(String subject, Map<String, ?> personalisation) {
    String filled =
        Field.fill(nonNull(subject), personalisation, Field.Lists.PROSE, HtmlEscape::escape);
    return Whitespace.normalise(Typography.nice(filled));
  }

  // Notify only looks further when the content starts and ends with a placeholder.
  private static boolean isEmpty(String content, Map<String, ?> personalisation) {
    if (content.isEmpty()) {
      return true;
    }
    if (!content.startsWith("((") || !content.endsWith("))")) {
      return false;
    }
    return markdownBody(content, personalisation).isEmpty();
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
