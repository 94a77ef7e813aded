package dev.herald.job;

import dev.herald.template.TemplateType;
import java.util.ArrayList;
import java.util.List;

/** The "You need to" items of the row-errors page: the admin's {@code get_errors_for_csv}. */
final class ErrorSummary {

  private ErrorSummary() {}

  static List<String> of(RowCounts counts, TemplateType type) {
    List<String> items = new ArrayList<>();
    if (counts.badRecipients() > 0) {
      items.add("fix " + counts.badRecipients() + " " + recipients(type, counts.badRecipients()));
    }
    if (counts.missingData() > 0) {
      items.add("enter missing data in " + rows(counts.missingData()));
    }
    if (counts.messagesTooLong() > 0) {
      items.add(
          counts.messagesTooLong() == 1
              ? "shorten the message in 1 row"
              : "shorten the messages in " + rows(counts.messagesTooLong()));
    }
    if (counts.emptyMessages() > 0) {
      items.add(
          counts.emptyMessages() == 1
              ? "check you have content for the empty message in 1 row"
              : "check you have content for the empty messages in " + rows(counts.emptyMessages()));
    }
    if (counts.qrCodesTooLong() > 0) {
      items.add("enter fewer characters for the QR code links in " + rows(counts.qrCodesTooLong()));
    }
    return List.copyOf(items);
  }

  private static String recipients(TemplateType type, int count) {
    boolean one = count == 1;
    return switch (type) {
      case SMS -> one ? "phone number" : "phone numbers";
      case EMAIL -> one ? "email address" : "email addresses";
      case LETTER -> one ? "address" : "addresses";
    };
  }

  private static String rows(int count) {
    return count == 1 ? "1 row" : count + " rows";
  }
}
