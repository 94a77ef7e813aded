package dev.herald.complaint;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complaints in the database, one row per provider feedback id. */
@Repository
class ComplaintRepository {

  private final JdbcClient jdbc;

  ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the complaint against the notification the provider knows by its reference; answers the
   * new row's id, or empty when no notification matches or the feedback id is already there.
   */
  Optional<UUID> insert(UUID id, ProviderComplaint complaint, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO complaints (id, notification_id, service_id, ses_feedback_id,
                                    complaint_type, complaint_date, created_at)
            SELECT :id, n.id, n.service_id, :feedbackId, :type, :date, :now
              FROM notifications n
             WHERE n.reference = :reference
               AND n.sent_by = :provider
            ON CONFLICT (ses_feedback_id) DO NOTHING
            RETURNING id
            """)
        .param("id", id)
        .param("feedbackId", complaint.feedbackId())
        .param("type", complaint.complaintType())
        .param("date", Sql.ts(complaint.complaintDate()))
        .param("now", Sql.ts(now))
        .param("reference", complaint.reference())
        .param("provider", complaint.provider())
        .query(UUID.class)
        .optional();
  }

  boolean recorded(String feedbackId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM complaints WHERE ses_feedback_id = :feedbackId)")
        .param("feedbackId", feedbackId)
        .query(Boolean.class)
        .single();
  }

  /**
   * A page of a service's complaints, newest first; with {@code olderThan}, those recorded before
   * that complaint (none if it is not the service's).
   */
  List<Complaint> page(UUID serviceId, UUID olderThan, int size) {
    return jdbc.sql(
            """
            SELECT * FROM complaints
             WHERE service_id = :serviceId
               AND (CAST(:olderThan AS uuid) IS NULL
                    OR (created_at, id) < (SELECT created_at, id FROM complaints
                                            WHERE id = :olderThan AND service_id = :serviceId))
             ORDER BY created_at DESC, id DESC
             LIMIT :size
            """)
        .param("serviceId", serviceId)
        .param("olderThan", olderThan)
        .param("size", size)
        .query(ComplaintRepository::map)
        .list();
  }

  private static Complaint map(ResultSet rs, int row) throws SQLException {
    return new Complaint(
        rs.getObject("id", UUID.class),
        rs.getObject("notification_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("ses_feedback_id"),
        rs.getString("complaint_type"),
        Sql.instant(rs, "complaint_date"),
        Sql.instant(rs, "created_at"));
  }
}
