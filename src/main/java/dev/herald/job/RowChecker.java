package dev.herald.job;

import dev.herald.recipient.AddressProblem;
import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.recipient.PhoneNumber;
import dev.herald.recipient.PhoneNumbers;
import dev.herald.recipient.PostalAddress;
import dev.herald.template.LetterBody;
import dev.herald.template.Personalisations;
import dev.herald.template.Placeholders;
import dev.herald.template.RenderedTemplate;
import dev.herald.template.SmsText;
import dev.herald.template.Template;
import dev.herald.template.TemplateRenderer;
import dev.herald.template.TemplateType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one data row as Notify's {@code RecipientCSV} does (notify-jobs.md §3.3): each recipient
 * and placeholder cell, then the errors that span the row (length, emptiness, the address, QR
 * codes), with Herald's own validators and renderer. Email length is not checked, as in Notify.
 */
final class RowChecker {

  private final Template template;
  private final TemplateType type;
  private final SheetColumns columns;
  private final ServiceFacts facts;
  private final boolean duplicateRecipients;

  RowChecker(Template template, SheetColumns columns, ServiceFacts facts) {
    this.template = template;
    this.type = columns.type;
    this.columns = columns;
    this.facts = facts;
    this.duplicateRecipients = !columns.duplicateRecipientColumns().isEmpty();
  }

  CheckedRow check(int index, List<String> raw) {
    RowValues values = RowValues.of(columns, raw);
    Cells cells = cells(values.all());
    RenderedTemplate rendered =
        TemplateRenderer.render(type, template.subject(), template.content(), values.all());
    boolean tooLong = type == TemplateType.SMS && SmsText.of(rendered.body()).isTooLong();
    Object recipient = values.recipient();
    Optional<AddressProblem> address = Optional.empty();
    boolean qr = false;
    if (type == TemplateType.LETTER) {
      PostalAddress postal =
          PostalAddress.fromPersonalisation(
              Personalisations.asText(values.addressLines()), facts.internationalLetters());
      address = postal.problem();
      recipient = postal.normalised();
      qr = LetterBody.tooLongQrData(rendered.body()).isPresent();
    }
    String rowError = rowError(tooLong, rendered.empty(), address, qr);
    return new CheckedRow(
        new SheetRow(index, cells.list(), rowError, unheaded(raw)),
        type == TemplateType.LETTER ? address.isPresent() : cells.badRecipient(),
        cells.missingData(),
        tooLong,
        rendered.empty(),
        qr,
        cells.phone() != null && cells.phone().international(),
        new JobRow(index, RowValues.text(recipient), values.personalisation(), values.reference()));
  }

  private record Cells(
      List<SheetCell> list, boolean badRecipient, boolean missingData, PhoneNumber phone) {}

  private Cells cells(Map<String, Object> values) {
    List<SheetCell> list = new ArrayList<>(values.size());
    boolean badRecipient = false;
    boolean missingData = false;
    PhoneNumber phone = null;
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      String key = Placeholders.key(entry.getKey());
      String error = null;
      if (columns.isAddressColumn(key)) {
        // A letter's address is checked as a whole, below.
      } else if (columns.recipientKeys.contains(key)) {
        if (entry.getValue() instanceof String value) {
          try {
            phone = validate(value);
          } catch (InvalidRecipientException e) {
            error = type == TemplateType.SMS ? CsvMessages.phone(e.getMessage()) : e.getMessage();
            badRecipient = true;
          }
        } else if (!duplicateRecipients) {
          error = CsvMessages.MISSING;
        }
      } else if (columns.placeholderKeys.contains(key) && entry.getValue() == null) {
        error = CsvMessages.MISSING;
      }
      missingData |= CsvMessages.MISSING.equals(error);
      boolean ignored = !columns.placeholderKeys.contains(key);
      list.add(new SheetCell(entry.getKey(), RowValues.text(entry.getValue()), error, ignored));
    }
    return new Cells(List.copyOf(list), badRecipient, missingData, phone);
  }

  /** The phone number for a text message; an email address is only checked. */
  private PhoneNumber validate(String recipient) {
    if (type == TemplateType.EMAIL) {
      EmailAddresses.validate(recipient);
      return null;
    }
    return PhoneNumbers.validate(recipient, facts.internationalSms(), facts.smsToUkLandlines());
  }

  private static String rowError(
      boolean tooLong, boolean empty, Optional<AddressProblem> address, boolean qr) {
    if (tooLong) {
      return CsvMessages.MESSAGE_TOO_LONG;
    }
    if (empty) {
      return CsvMessages.MESSAGE_EMPTY;
    }
    if (address.isPresent()) {
      return CsvMessages.address(address.get());
    }
    return qr ? CsvMessages.QR_CODE_TOO_LONG : null;
  }

  private List<String> unheaded(List<String> raw) {
    int width = columns.header.size();
    return raw.size() <= width ? List.of() : List.copyOf(raw.subList(width, raw.size()));
  }
}
