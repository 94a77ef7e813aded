package dev.herald.admin;

import dev.herald.api.ApiException;
import dev.herald.notification.NotificationStatus;
import dev.herald.service.Service;
import dev.herald.stats.ServiceStatistics;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service's counts by type and status over recent days, and its template usage by month. */
@RestController
class AdminStatisticsController {

  private static final List<String> TYPES = List.of("email", "sms", "letter");
  private static final Set<String> DELIVERED =
      values(Stream.of(NotificationStatus.DELIVERED, NotificationStatus.SENT));
  private static final Set<String> FAILED =
      values(
          Stream.concat(
              Stream.of(NotificationStatus.FAILED), NotificationStatus.FAILURES.stream()));

  private static Set<String> values(Stream<NotificationStatus> statuses) {
    return statuses.map(NotificationStatus::value).collect(Collectors.toUnmodifiableSet());
  }

  private final AdminServices services;
  private final ServiceStatistics statistics;

  AdminStatisticsController(AdminServices services, ServiceStatistics statistics) {
    this.services = services;
    this.statistics = statistics;
  }

  @GetMapping("/admin/services/{id}/statistics")
  Map<String, Object> statistics(
      @PathVariable String id, @RequestParam(required = false) String days) {
    Service service = services.require(id);
    int n = integer("days", days == null ? "7" : days, 1, 100);
    Map<String, Map<String, Long>> counts = statistics.countsByTypeAndStatus(service.id(), n);
    Map<String, Object> data = new LinkedHashMap<>();
    for (String type : TYPES) {
      data.put(type, summary(counts.getOrDefault(type, Map.of())));
    }
    return Map.of("days", n, "data", data);
  }

  @GetMapping("/admin/services/{id}/template-usage")
  Map<String, Object> templateUsage(
      @PathVariable String id,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String month) {
    Service service = services.require(id);
    int y = integer("year", year, 2000, 9999);
    int m = integer("month", month, 1, 12);
    List<Map<String, Object>> stats =
        statistics.templateUsage(service.id(), YearMonth.of(y, m)).stream()
            .map(
                u -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("template_id", u.templateId());
                  row.put("name", u.name());
                  row.put("type", u.type());
                  row.put("year", y);
                  row.put("month", m);
                  row.put("count", u.count());
                  return row;
                })
            .toList();
    return Map.of("stats", stats);
  }

  private static Map<String, Object> summary(Map<String, Long> byStatus) {
    long requested = byStatus.values().stream().mapToLong(Long::longValue).sum();
    long delivered = sum(byStatus, DELIVERED);
    long failed = sum(byStatus, FAILED);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("requested", requested);
    summary.put("delivered", delivered);
    summary.put("failed", failed);
    summary.put("statuses", byStatus);
    return summary;
  }

  private static long sum(Map<String, Long> byStatus, Set<String> statuses) {
    return byStatus.entrySet().stream()
        .filter(e -> statuses.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static int integer(String name, String value, int min, int max) {
    if (value == null) {
      throw ApiException.validation(name + " is a required property");
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the same answer as a number out of range
    }
    throw ApiException.validation(
        name + " must be a whole number from " + min + " to " + max + ", not " + value);
  }
}
