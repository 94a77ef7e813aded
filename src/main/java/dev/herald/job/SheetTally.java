package dev.herald.job;

import dev.herald.recipient.PhoneNumbers;
import dev.herald.service.AllowedRecipients;
import dev.herald.template.TemplateType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one pass over a file's rows keeps: counts, and only the few rows the page shows, so that a
 * file of any length is checked in bounded memory.
 */
final class SheetTally {

  private final SheetLimits limits;
  private final int previewIndex;
  private final Set<String> guests;
  private final boolean guestListApplies;
  private final boolean sms;

  int rowCount;
  int withErrors;
  int badRecipients;
  int missingData;
  int messagesTooLong;
  int emptyMessages;
  int qrCodesTooLong;
  int internationalSms;
  int smokeTestNumbers;
  boolean allowedToSendTo = true;
  final List<SheetRow> initialRows = new ArrayList<>();
  final List<SheetRow> rowsWithErrors = new ArrayList<>();
  SheetRow preview;

  SheetTally(SheetLimits limits, int previewIndex, ServiceFacts facts, TemplateType type) {
    this.limits = limits;
    this.previewIndex = previewIndex;
    this.guestListApplies = facts.trialMode() && type != TemplateType.LETTER;
    this.sms = type == TemplateType.SMS;
    this.guests =
        guestListApplies
            ? Set.copyOf(facts.guestList().stream().map(AllowedRecipients::normalise).toList())
            : Set.of();
  }

  /** Whether the next row is within the limit, and so is checked rather than only counted. */
  boolean countNext() {
    return rowCount++ < limits.maxRows();
  }

  void add(CheckedRow checked) {
    SheetRow row = checked.row();
    if (checked.hasError()) {
      withErrors++;
      if (rowsWithErrors.size() < limits.errorsShown()) {
        rowsWithErrors.add(row);
      }
    }
    badRecipients += checked.badRecipient() ? 1 : 0;
    missingData += checked.missingData() ? 1 : 0;
    messagesTooLong += checked.messageTooLong() ? 1 : 0;
    emptyMessages += checked.messageEmpty() ? 1 : 0;
    qrCodesTooLong += checked.qrCodeTooLong() ? 1 : 0;
    internationalSms += checked.internationalSms() ? 1 : 0;
    if (!checked.hasError()
        && sms
        && checked.job().recipient() != null
        && PhoneNumbers.isSmokeTestNumber(
            PhoneNumbers.normaliseForComparison(checked.job().recipient()))) {
      smokeTestNumbers++;
    }
    if (guestListApplies && allowedToSendTo) {
      String recipient = checked.job().recipient();
      allowedToSendTo =
          recipient != null && guests.contains(AllowedRecipients.normalise(recipient));
    }
    if (row.index() < limits.rowsShown()) {
      initialRows.add(row);
    }
    if (row.index() == previewIndex) {
      preview = row;
    }
  }

  RowCounts counts() {
    return new RowCounts(
        withErrors, badRecipients, missingData, messagesTooLong, emptyMessages, qrCodesTooLong);
  }
}
