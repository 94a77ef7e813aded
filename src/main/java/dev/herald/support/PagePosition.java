package dev.herald.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a page of a service's notifications, newest first, begins: the notifications before this
 * (created_at, id). As two values, {@code (n.created_at, n.id) < (:before, :beforeId)} is an index
 * condition in every plan; a sub-select there is only a filter, and an {@code :olderThan IS NULL OR
 * …} stops a cached generic plan from using the index at all.
 */
public record PagePosition(Instant createdAt, UUID id) {

  /** Before every notification: the first page. */
  public static final PagePosition FIRST =
      new PagePosition(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1L, -1L));

  /**
   * The page after the service's notification {@code olderThan}, or the first page when it is null;
   * empty when the service has no such notification.
   */
  public static Optional<PagePosition> after(JdbcClient jdbc, UUID serviceId, UUID olderThan) {
    if (olderThan == null) {
      return Optional.of(FIRST);
    }
    return jdbc.sql(
            "SELECT created_at FROM notifications WHERE id = :id AND service_id = :serviceId")
        .param("id", olderThan)
        .param("serviceId", serviceId)
        .query((rs, row) -> new PagePosition(Sql.instant(rs, "created_at"), olderThan))
        .optional();
  }

  public OffsetDateTime before() {
    return Sql.ts(createdAt);
  }
}
