package dev.herald.notification;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Notify's notification statuses, with the letter names the v2 API shows. */
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

  /** The status a v2 client sees: letters show {@code accepted} and {@code received}. */
  public String shownFor(String notificationType) {
    if (!"letter".equals(notificationType)) {
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
