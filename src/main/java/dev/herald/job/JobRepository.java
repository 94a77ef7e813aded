package dev.herald.job;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads and writes of jobs; every change of status is a guarded statement. */
@Repository
class JobRepository {

  private final JdbcClient jdbc;

  JobRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredJob job) {
    jdbc.sql(
            """
            INSERT INTO jobs (id, service_id, template_id, template_version, original_file_name,
                              file_key, notification_count, job_status, scheduled_for, api_key_id,
                              sender_id, created_at)
            VALUES (:id, :serviceId, :templateId, :templateVersion, :name, :fileKey, :count,
                    :status, :scheduledFor, :apiKeyId, :senderId, :createdAt)
            """)
        .param("id", job.id())
        .param("serviceId", job.serviceId())
        .param("templateId", job.templateId())
        .param("templateVersion", job.templateVersion())
        .param("name", job.originalFileName())
        .param("fileKey", job.fileKey())
        .param("count", job.notificationCount())
        .param("status", job.status().value())
        .param("scheduledFor", Sql.ts(job.scheduledFor()))
        .param("apiKeyId", job.apiKeyId())
        .param("senderId", job.senderId())
        .param("createdAt", Sql.ts(job.createdAt()))
        .update();
  }

  Optional<StoredJob> find(UUID id) {
    return jdbc.sql("SELECT * FROM jobs WHERE id = :id")
        .param("id", id)
        .query(JobRepository::job)
        .optional();
  }

  /** The job, locked until the transaction ends: its processing and its cancelling take turns. */
  Optional<StoredJob> lock(UUID id) {
    return jdbc.sql("SELECT * FROM jobs WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(JobRepository::job)
        .optional();
  }

  Optional<StoredJob> find(UUID serviceId, UUID id) {
    return jdbc.sql("SELECT * FROM jobs WHERE id = :id AND service_id = :serviceId")
        .param("id", id)
        .param("serviceId", serviceId)
        .query(JobRepository::job)
        .optional();
  }

  /**
   * The name and type of the API key a job was sent with (the bulk API's), or empty for a job made
   * from an upload.
   */
  Optional<JobKey> key(UUID jobId) {
    return jdbc.sql(
            """
            SELECT k.id, k.name, k.key_type FROM jobs j JOIN api_keys k ON k.id = j.api_key_id
             WHERE j.id = :id
            """)
        .param("id", jobId)
        .query(
            (rs, row) ->
                new JobKey(
                    rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_type")))
        .optional();
  }

  /** The API key a job came through. */
  record JobKey(UUID id, String name, String keyType) {}

  /** A service's jobs, newest first. */
  List<StoredJob> page(UUID serviceId, int limit) {
    return jdbc.sql(
            "SELECT * FROM jobs WHERE service_id = :serviceId ORDER BY created_at DESC LIMIT :limit")
        .param("serviceId", serviceId)
        .param("limit", limit)
        .query(JobRepository::job)
        .list();
  }

  /** Moves a job from one status to another, if it is still in the first; true if it moved. */
  boolean move(UUID id, JobStatus from, JobStatus to, Instant now) {
    return jdbc.sql(
                """
                UPDATE jobs SET job_status = :to, updated_at = :now,
                       processing_started = CASE WHEN :to = 'in progress'
                                                 THEN coalesce(processing_started, :now)
                                                 ELSE processing_started END,
                       processing_finished = CASE WHEN :to IN ('finished all notifications created',
                                                               'sending limits exceeded')
                                                  THEN :now ELSE processing_finished END
                 WHERE id = :id AND job_status = :from
                """)
            .param("to", to.value())
            .param("from", from.value())
            .param("now", Sql.ts(now))
            .param("id", id)
            .update()
        == 1;
  }

  /** Records where a starting job's rows are queued from ({@code JobNotifications#queueFrom}). */
  void queueFrom(UUID id, Instant from) {
    jdbc.sql("UPDATE jobs SET queue_from = :from WHERE id = :id")
        .param("from", Sql.ts(from))
        .param("id", id)
        .update();
  }

  /** Where a job's rows are queued from, or empty for a job not started. */
  Optional<Instant> queueFrom(UUID id) {
    return jdbc.sql("SELECT queue_from FROM jobs WHERE id = :id AND queue_from IS NOT NULL")
        .param("id", id)
        .query((rs, row) -> Sql.instant(rs, "queue_from"))
        .optional();
  }

  /** Records rows done, if the job is where the caller found it; true if it was. */
  boolean advance(UUID id, int from, int to, Instant now) {
    return jdbc.sql(
                """
                UPDATE jobs SET rows_done = :to, updated_at = :now
                 WHERE id = :id AND rows_done = :from AND job_status = 'in progress'
                """)
            .param("to", to)
            .param("from", from)
            .param("now", Sql.ts(now))
            .param("id", id)
            .update()
        == 1;
  }

  /** Marks the jobs of these uploads archived: their file is gone, their row and counts stay. */
  void archive(Collection<UUID> ids) {
    jdbc.sql("UPDATE jobs SET archived = true WHERE id = ANY (:ids)")
        .param("ids", Sql.array("uuid", ids))
        .update();
  }

  private static StoredJob job(ResultSet rs, int row) throws SQLException {
    return new StoredJob(
        rs.getObject("id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getObject("template_id", UUID.class),
        rs.getInt("template_version"),
        rs.getString("original_file_name"),
        rs.getString("file_key"),
        rs.getInt("notification_count"),
        JobStatus.of(rs.getString("job_status")),
        Sql.instant(rs, "scheduled_for"),
        rs.getObject("api_key_id", UUID.class),
        rs.getObject("sender_id", UUID.class),
        rs.getInt("rows_done"),
        rs.getBoolean("archived"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        Sql.instant(rs, "processing_started"),
        Sql.instant(rs, "processing_finished"));
  }
}
