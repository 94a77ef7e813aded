package dev.herald.notification;

import dev.herald.notification.NotificationRepository.Queued;
import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.recipient.PhoneNumber;
import dev.herald.recipient.PhoneNumbers;
import dev.herald.recipient.PostalAddress;
import dev.herald.service.DataRetention;
import dev.herald.service.Service;
import dev.herald.support.Ids;
import dev.herald.support.WorkSignal;
import dev.herald.template.Personalisations;
import dev.herald.template.Template;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * A job's rows stored as notifications (notify-jobs.md §5.5): a batch in one statement, inside the
 * transaction that records the job's progress, each row with its job and row number, queued on the
 * bulk lane. A row whose recipient no longer passes (the file was checked at upload; the service
 * may have changed since) is stored {@code validation-failed} and not sent, as Notify stores an
 * invalid number, never dropped.
 */
@Component
public class JobNotifications {

  /**
   * What every row of a job shares.
   *
   * @param queuedFrom the job's place in the bulk lane's queue ({@link #queueFrom}): row {@code i}
   *     is queued at this time plus {@code i} microseconds
   */
  public record Job(
      UUID id,
      Service service,
      Template template,
      UUID apiKeyId,
      String keyType,
      String replyToText,
      Instant queuedFrom) {}

  /**
   * Row {@code i} of a job is queued {@code i} of these after the job's start in the queue: jobs
   * started at one place take turns row by row, and a million rows are due within a second, so that
   * a job alone is not slowed.
   */
  static final Duration ROW_SPACING = Duration.ofNanos(1_000);

  /**
   * One row of a job's file.
   *
   * @param index the row's 0-based index among the data rows (Notify's {@code job_row_number})
   * @param recipient the email address, phone number or, for a letter, null (the address is in the
   *     personalisation's address lines)
   * @param personalisation the row's values of the template's placeholders, by placeholder name
   * @param reference the row's {@code reference} column, the notification's client reference
   */
  public record Row(
      int index, String recipient, Map<String, Object> personalisation, String reference) {

    @Override
    public String toString() {
      return "Row[" + index + "]";
    }
  }

  private final NotificationRepository notifications;
  private final DataRetention retention;
  private final ObjectMapper json;
  private final WorkSignal signal;

  JobNotifications(
      NotificationRepository notifications,
      DataRetention retention,
      ObjectMapper json,
      WorkSignal signal) {
    this.notifications = notifications;
    this.retention = retention;
    this.json = json;
    this.signal = signal;
  }

  /**
   * Where a job starting now is queued from: the head of the bulk lane's queue, else now. A job
   * that starts behind another's backlog is queued beside its next rows rather than after its last,
   * so that one service's million rows do not hold back another's job: each gets a turn in every
   * claim. (API sends are on a lane of their own, ahead of every job.)
   */
  public Instant queueFrom(Instant now) {
    return notifications.bulkQueueHead().filter(head -> head.isBefore(now)).orElse(now);
  }

  /** Stores the rows; must run in the transaction that records them as done. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void store(Job job, List<Row> rows, Instant now) {
    String type = job.template().type();
    LocalDate expiresOn = retention.expiresOn(job.service().id(), type, now);
    List<Queued> queued = new ArrayList<>(rows.size());
    for (Row row : rows) {
      queued.add(queued(job, row, type, expiresOn, now));
    }
    notifications.copyAll(queued);
    signal.newWorkAfterCommit();
  }

  private Queued queued(Job job, Row row, String type, LocalDate expiresOn, Instant now) {
    Stored stored = recipient(job, row, type);
    Notification notification =
        new Notification(
            Ids.timeOrdered(),
            job.service().id(),
            job.template().id(),
            job.template().version(),
            job.apiKeyId(),
            job.keyType(),
            type,
            stored.valid() ? NotificationStatus.CREATED : NotificationStatus.VALIDATION_FAILED,
            row.reference(),
            0,
            stored.international(),
            stored.phonePrefix(),
            stored.postage(),
            expiresOn,
            now,
            null,
            null);
    PersonalData personal =
        new PersonalData(
            stored.asSent(),
            stored.normalised(),
            json.writeValueAsString(row.personalisation()),
            "letter".equals(type) ? job.template().letterContactBlock() : job.replyToText(),
            null);
    return new Queued(
        notification,
        personal,
        stored.valid() ? NotificationRepository.PRIORITY_BULK : NotificationRepository.NOT_QUEUED,
        job.id(),
        row.index(),
        job.queuedFrom() == null
            ? null
            : job.queuedFrom().plus(ROW_SPACING.multipliedBy(row.index())));
  }

  /** A row's recipient as stored, and whether it can be sent to. */
  private record Stored(
      String asSent,
      String normalised,
      boolean valid,
      boolean international,
      String phonePrefix,
      String postage) {}

  private static Stored recipient(Job job, Row row, String type) {
    Service service = job.service();
    try {
      return switch (type) {
        case "email" -> {
          String address = EmailAddresses.validate(row.recipient());
          yield new Stored(address, address.toLowerCase(Locale.ROOT), true, false, null, null);
        }
        case "sms" -> {
          PhoneNumber number = PhoneNumbers.parse(row.recipient());
          boolean allowed =
              (!number.international() || service.can("international_sms"))
                  && (!number.ukLandline() || service.can("sms_to_uk_landlines"));
          PhoneNumbers.permit(number, true, true);
          yield new Stored(
              number.asSent(),
              number.normalised(),
              allowed,
              number.international(),
              String.valueOf(number.countryCode()),
              null);
        }
        case "letter" -> {
          PostalAddress address =
              PostalAddress.fromPersonalisation(
                  Personalisations.asText(row.personalisation()),
                  service.can("international_letters"));
          yield new Stored(
              address.normalised(),
              address.searchable(),
              address.problem().isEmpty(),
              address.international(),
              null,
              address.international() ? address.postage() : job.template().postage());
        }
        default -> throw new IllegalArgumentException("Unknown template type " + type);
      };
    } catch (InvalidRecipientException e) {
      String raw = row.recipient() == null ? "" : row.recipient();
      return new Stored(raw, raw, false, false, null, null);
    }
  }
}
