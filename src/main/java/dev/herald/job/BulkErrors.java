package dev.herald.job;

import dev.herald.auth.KeyType;
import dev.herald.template.SmsText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GC Notify's refusals of the file of a bulk send (notify-jobs.md §6), in its order, from the one
 * check of the file that the web's uploads have too. Rows are numbered from 0, as GC numbers them,
 * except in the length refusal, which numbers from 1, as GC does.
 */
final class BulkErrors {

  /** How many rows with errors GC lists. */
  static final int ROWS_LISTED = 20;

  private BulkErrors() {}

  /**
   * The refusal of a checked file, or empty when it can be sent.
   *
   * @param keyType the type of the key the file was sent with
   * @param trialMode whether the service is in trial mode
   */
  static Optional<String> of(
      SheetCheck check, ServiceFacts facts, KeyType keyType, boolean trialMode) {
    if (!check.missingColumns().isEmpty()) {
      return Optional.of("Missing column headers: " + sortedList(check.missingColumns()));
    }
    if (!check.duplicateRecipientColumns().isEmpty()) {
      return Optional.of(
          "Duplicate column headers: " + sortedList(check.duplicateRecipientColumns()));
    }
    if (check.rowCount() > facts.remainingMessages()) {
      return Optional.of(
          "You only have "
              + facts.remainingMessages()
              + " remaining messages before you reach your daily limit. You've tried to send "
              + check.rowCount()
              + " messages.");
    }
    if (check.tooManyRows()) {
      return Optional.of("Too many rows. Maximum number of rows allowed is " + check.maxRows());
    }
    if (check.rowCount() == 0) {
      // GC makes a job of no rows; Herald says why it does not.
      return Optional.of(ColumnBanner.MISSING_ROWS.heading());
    }
    if (!check.allowedToSendTo()) {
      return Optional.of(
          "You cannot send to these recipients "
              + (trialMode || keyType != KeyType.TEAM
                  ? "because your service is in trial mode. You can only send to members of your"
                      + " team and your safelist."
                  : "because you used a team and safelist API key."));
    }
    if (check.page() instanceof CheckPage.RowErrors page) {
      return Optional.of(rowErrors(page.rows()));
    }
    if (check.internationalSmsCount() > facts.remainingInternationalSms()) {
      return Optional.of(
          "You only have "
              + facts.remainingInternationalSms()
              + " remaining international text messages before you reach your daily limit."
              + " You've tried to send "
              + check.internationalSmsCount()
              + " international text messages.");
    }
    return check.ok() ? Optional.empty() : Optional.of(heading(check.page()));
  }

  /**
   * {@code Some rows have errors. Row 0 - `name`: Missing.} for the first rows with an error other
   * than the message's length; else the length refusal of the first row too long.
   */
  private static String rowErrors(List<SheetRow> rows) {
    List<String> listed = new ArrayList<>();
    SheetRow tooLong = null;
    for (SheetRow row : rows) {
      List<String> errors = new ArrayList<>();
      for (SheetCell cell : row.cells()) {
        if (cell.error() != null) {
          errors.add(
              "`"
                  + cell.column()
                  + "`: "
                  + (CsvMessages.MISSING.equals(cell.error())
                      ? cell.error()
                      : "invalid recipient"));
        }
      }
      if (CsvMessages.MESSAGE_TOO_LONG.equals(row.rowError()) && errors.isEmpty()) {
        tooLong = tooLong == null ? row : tooLong;
        continue;
      }
      if (row.rowError() != null && !CsvMessages.MESSAGE_TOO_LONG.equals(row.rowError())) {
        errors.add(row.rowError());
      }
      if (listed.size() < ROWS_LISTED) {
        listed.add("Row " + row.index() + " - " + String.join(",", errors));
      }
    }
    if (listed.isEmpty() && tooLong != null) {
      return "Row "
          + (tooLong.index() + 1)
          + " - has a character count greater than "
          + SmsText.MAX_CHARACTERS
          + " characters. Some messages may be too long due to custom content.";
    }
    return "Some rows have errors. " + String.join(". ", listed) + ".";
  }

  private static String heading(CheckPage page) {
    return switch (page) {
      case CheckPage.ColumnErrors errors -> errors.banner().heading();
      case CheckPage.FileProblem problem -> problem.heading();
      default -> "The file cannot be sent";
    };
  }

  private static String sortedList(List<String> names) {
    return String.join(", ", names.stream().sorted().toList());
  }
}
