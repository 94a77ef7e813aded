package dev.herald.notification;

import static dev.herald.template.TemplateType.EMAIL;
import static dev.herald.template.TemplateType.LETTER;
import static dev.herald.template.TemplateType.SMS;

import dev.herald.template.TemplateType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Notify's notification statuses, with the letter names the v2 API shows, and the transitions
 * allowed between them: the one place the rule is written (see {@link Change}).
 */
public enum NotificationStatus {
  CANCELLED("cancelled"),
  CREATED("created"),
  SENDING("sending"),
  SENT("sent"),
  DELIVERED("delivered"),
  PENDING("pending"),
  FAILED("failed"),
  TECHNICAL_FAILURE("technical-failure"),
  TEMPORARY_FAILURE("temporary-failure"),
  PERMANENT_FAILURE("permanent-failure"),
  PENDING_VIRUS_CHECK("pending-virus-check"),
  VALIDATION_FAILED("validation-failed"),
  VIRUS_SCAN_FAILED("virus-scan-failed"),
  RETURNED_LETTER("returned-letter");

  /** The statuses that set {@code completed_at} (Notify's NOTIFICATION_STATUS_TYPES_COMPLETED). */
  public static final Set<NotificationStatus> COMPLETED =
      EnumSet.of(
          SENT,
          DELIVERED,
          FAILED,
          TECHNICAL_FAILURE,
          TEMPORARY_FAILURE,
          PERMANENT_FAILURE,
          RETURNED_LETTER,
          CANCELLED,
          VALIDATION_FAILED);

  /** What the {@code failed} filter means. */
  public static final Set<NotificationStatus> FAILURES =
      EnumSet.of(
          TECHNICAL_FAILURE,
          TEMPORARY_FAILURE,
          PERMANENT_FAILURE,
          VALIDATION_FAILED,
          VIRUS_SCAN_FAILED,
          RETURNED_LETTER);

  private final String value;

  NotificationStatus(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  private static final Map<String, NotificationStatus> BY_VALUE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(s -> s.value, s -> s));

  public static Optional<NotificationStatus> of(String value) {
    return Optional.ofNullable(value == null ? null : BY_VALUE.get(value));
  }

  /**
   * What changes a notification's status. Each change is made by its own guarded statement, which
   * binds {@link #guard} so that its {@code WHERE} allows exactly this change's moves in {@code
   * RULES}.
   */
  public enum Change {
    /** A provider took it (a letter: the print run took it). */
    HAND_OVER,
    /**
     * A provider reported on it: an email or SMS receipt, DVLA's despatch callback for a letter.
     */
    RECEIPT,
    /** Notify's 72-hour timeout of email and SMS still in flight. */
    TIMEOUT,
    /** The last delivery attempt failed, or there is nothing left to send. */
    GIVE_UP,
    /** A precompiled letter's virus scan and PDF check. */
    PDF_CHECK,
    /** A templated letter rendered too long. */
    RENDER,
    /** A letter cancelled before the print run. */
    CANCEL,
    /** A letter the post office returned. */
    RETURN;

    /** Whether this change may move a notification of this type from {@code from} to {@code to}. */
    public boolean allows(NotificationStatus from, NotificationStatus to, TemplateType type) {
      return sourcesOf(to, type).contains(from);
    }

    /** The statuses this change may move a notification of this type to {@code to} from. */
    public Set<NotificationStatus> sourcesOf(NotificationStatus to, TemplateType type) {
      EnumSet<NotificationStatus> from = EnumSet.noneOf(NotificationStatus.class);
      RULES.stream()
          .filter(r -> r.change == this && r.to == to && r.types.contains(type))
          .forEach(r -> from.addAll(r.from));
      return from;
    }

    /**
     * This change's allowed moves, each as {@code "type from to"} ({@code "sms sending
     * delivered"}), for a statement to bind as {@code :guard} and check as {@code notification_type
     * || ' ' || status || ' ' || :to = ANY (CAST(:guard AS text[]))}: a filter on each row the
     * statement found by its key. A join with the moves instead would let the planner start from
     * them, scanning notifications by type.
     */
    public String[] guard() {
      return RULES.stream()
          .filter(r -> r.change == this)
          .flatMap(r -> r.types.stream().flatMap(t -> r.from.stream().map(f -> move(t, f, r.to))))
          .toArray(String[]::new);
    }

    private static String move(TemplateType type, NotificationStatus from, NotificationStatus to) {
      return type.wireName() + " " + from.value + " " + to.value;
    }
  }

  private record Rule(
      Change change,
      NotificationStatus to,
      Set<TemplateType> types,
      Set<NotificationStatus> from) {}

  private static Rule rule(
      Change change,
      NotificationStatus to,
      Set<TemplateType> types,
      NotificationStatus first,
      NotificationStatus... rest) {
    return new Rule(change, to, types, EnumSet.of(first, rest));
  }

  private static final Set<TemplateType> EMAIL_AND_SMS = EnumSet.of(EMAIL, SMS);
  private static final Set<TemplateType> ALL_TYPES = EnumSet.allOf(TemplateType.class);

  /**
   * Every allowed move: by which change, to which status, for which types, from which statuses.
   * Notify's rules (reference/notify-internals.md §2, §3, §7; notify-letters.md §1, §3.4, §4, §5),
   * stricter where Notify lets a late event overwrite a final status. A status never moves to
   * itself, and nothing moves out of a final status except a delivered letter coming back.
   */
  private static final List<Rule> RULES =
      List.of(
          // Delivery acts only while a notification is still created; international SMS to
          // countries without receipts stay sent.
          rule(Change.HAND_OVER, SENDING, ALL_TYPES, CREATED),
          rule(Change.HAND_OVER, SENT, Set.of(SMS), CREATED),
          rule(Change.GIVE_UP, TECHNICAL_FAILURE, ALL_TYPES, CREATED),
          // Receipts, from created too as in Notify. Here a receipt finds its row by the
          // reference its hand-over set with sending, and one that comes first is kept until the
          // hand-over is recorded (Receipts.applyEarly), so created is allowed but not reached.
          rule(Change.RECEIPT, PENDING, EMAIL_AND_SMS, CREATED, SENDING),
          rule(Change.RECEIPT, DELIVERED, EMAIL_AND_SMS, CREATED, SENDING, PENDING),
          rule(Change.RECEIPT, TEMPORARY_FAILURE, EMAIL_AND_SMS, CREATED, SENDING, PENDING),
          rule(Change.RECEIPT, PERMANENT_FAILURE, EMAIL_AND_SMS, CREATED, SENDING, PENDING),
          rule(Change.RECEIPT, TECHNICAL_FAILURE, EMAIL_AND_SMS, CREATED, SENDING, PENDING),
          rule(Change.TIMEOUT, TEMPORARY_FAILURE, EMAIL_AND_SMS, SENDING, PENDING),
          // Letters: DVLA's DESPATCHED and REJECTED, only for a letter it was sent.
          rule(Change.RECEIPT, DELIVERED, Set.of(LETTER), SENDING),
          rule(Change.RECEIPT, TECHNICAL_FAILURE, Set.of(LETTER), SENDING),
          // A precompiled letter: clean and valid (delivered at once for a test key), a virus, an
          // invalid PDF, or the scan's retries exhausted.
          rule(Change.PDF_CHECK, CREATED, Set.of(LETTER), PENDING_VIRUS_CHECK),
          rule(Change.PDF_CHECK, DELIVERED, Set.of(LETTER), PENDING_VIRUS_CHECK),
          rule(Change.PDF_CHECK, VIRUS_SCAN_FAILED, Set.of(LETTER), PENDING_VIRUS_CHECK),
          rule(Change.PDF_CHECK, VALIDATION_FAILED, Set.of(LETTER), PENDING_VIRUS_CHECK),
          rule(Change.PDF_CHECK, TECHNICAL_FAILURE, Set.of(LETTER), PENDING_VIRUS_CHECK),
          rule(Change.RENDER, VALIDATION_FAILED, Set.of(LETTER), CREATED),
          rule(Change.CANCEL, CANCELLED, Set.of(LETTER), CREATED, PENDING_VIRUS_CHECK),
          // Weeks later; DVLA's despatch callback may never have come.
          rule(Change.RETURN, RETURNED_LETTER, Set.of(LETTER), SENDING, DELIVERED));

  /** Whether any change may move a notification of this type from {@code from} to {@code to}. */
  public static boolean canMove(NotificationStatus from, NotificationStatus to, TemplateType type) {
    return sourcesOf(to, type).contains(from);
  }

  /** The statuses some change may move a notification of this type to {@code to} from. */
  public static Set<NotificationStatus> sourcesOf(NotificationStatus to, TemplateType type) {
    EnumSet<NotificationStatus> from = EnumSet.noneOf(NotificationStatus.class);
    Arrays.stream(Change.values()).forEach(c -> from.addAll(c.sourcesOf(to, type)));
    return from;
  }

  /** The status a v2 client sees: letters show {@code accepted} and {@code received}. */
  public String shownFor(String notificationType) {
    if (!LETTER.wireName().equals(notificationType)) {
      return value;
    }
    return switch (this) {
      case CREATED, SENDING -> "accepted";
      case DELIVERED, RETURNED_LETTER -> "received";
      default -> value;
    };
  }

  /** The internal statuses a v2 list filter value stands for. */
  public static List<String> expandFilter(String filter) {
    return switch (filter) {
      case "failed" -> FAILURES.stream().map(NotificationStatus::value).toList();
      case "accepted" -> List.of(CREATED.value, SENDING.value);
      case "received" -> List.of(DELIVERED.value);
      default -> List.of(filter);
    };
  }
}
