package dev.herald.job;

import dev.herald.job.CheckPage.ColumnErrors;
import dev.herald.job.CheckPage.FileProblem;
import dev.herald.job.CheckPage.ReadyToSend;
import dev.herald.job.CheckPage.RowErrors;
import dev.herald.template.TemplateType;
import java.util.List;

/** Picks a checked file's page by the admin's order of tests (notify-jobs.md §4). */
final class CheckPages {

  private CheckPages() {}

  static CheckPage of(
      SheetColumns columns, SheetTally tally, SheetLimits limits, ServiceFacts facts, String file) {
    if (tally.rowCount > limits.maxRows()) {
      return columnErrors(ColumnBanner.TOO_MANY_ROWS, List.of(), tally, limits);
    }
    if (tally.rowCount == 0) {
      return columnErrors(ColumnBanner.MISSING_ROWS, columns.missingColumns(), tally, limits);
    }
    if (!columns.hasRecipientColumns()) {
      return columnErrors(ColumnBanner.NO_RECIPIENT_COLUMN, columns.distinctNames(), tally, limits);
    }
    List<String> duplicates = columns.duplicateRecipientColumns();
    if (!duplicates.isEmpty()) {
      return columnErrors(ColumnBanner.DUPLICATE_RECIPIENT_COLUMNS, duplicates, tally, limits);
    }
    List<String> missing = columns.missingColumns();
    if (!missing.isEmpty()) {
      return columnErrors(ColumnBanner.MISSING_PLACEHOLDER_COLUMNS, missing, tally, limits);
    }
    if (tally.withErrors > 0) {
      return rowErrors(tally, limits, columns.type, file);
    }
    return fileProblem(columns.type, tally, facts);
  }

  private static ColumnErrors columnErrors(
      ColumnBanner banner, List<String> columns, SheetTally tally, SheetLimits limits) {
    return new ColumnErrors(banner, columns, tally.rowCount, limits.maxRows());
  }

  private static RowErrors rowErrors(
      SheetTally tally, SheetLimits limits, TemplateType type, String file) {
    List<String> summary = ErrorSummary.of(tally.counts(), type);
    String heading =
        summary.size() == 1
            ? "There’s a problem with " + file
            : "There are some problems with " + file;
    String footnote =
        tally.withErrors > limits.errorsShown()
            ? "Only showing the first " + limits.errorsShown() + " rows with errors"
            : "Only showing rows with errors";
    return new RowErrors(heading, summary, List.copyOf(tally.rowsWithErrors), footnote);
  }

  private static CheckPage fileProblem(TemplateType type, SheetTally tally, ServiceFacts facts) {
    if (!tally.allowedToSendTo) {
      return new FileProblem(FileBanner.TRIAL_RECIPIENTS, trialHeading(type, tally), 0, 0);
    }
    if (facts.trialMode() && type == TemplateType.LETTER) {
      return new FileProblem(FileBanner.TRIAL_LETTERS, "You cannot send these letters", 0, 0);
    }
    if (tally.rowCount > facts.remainingMessages()) {
      return new FileProblem(
          FileBanner.DAILY_LIMIT, "Too many recipients", facts.remainingMessages(), tally.rowCount);
    }
    if (tally.internationalSms > facts.remainingInternationalSms()) {
      return new FileProblem(
          FileBanner.INTERNATIONAL_LIMIT,
          "Too many international phone numbers",
          facts.remainingInternationalSms(),
          tally.internationalSms);
    }
    return new ReadyToSend(tally.rowCount, List.copyOf(tally.initialRows), tally.preview);
  }

  private static String trialHeading(TemplateType type, SheetTally tally) {
    boolean one = tally.rowCount == 1;
    String recipients =
        type == TemplateType.SMS
            ? (one ? "this phone number" : "these phone numbers")
            : (one ? "this email address" : "these email addresses");
    return "You cannot send to " + recipients;
  }
}
