package dev.herald.service;

import dev.herald.recipient.PhoneNumbers;
import dev.herald.support.Sql;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The numbers services receive text messages on. */
@Repository
public class InboundNumberRepository {

  private final JdbcClient jdbc;

  InboundNumberRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Gives the service this number (creating it if new); empty if another service has it. */
  @Transactional
  public Optional<UUID> assign(UUID serviceId, String number, Instant now) {
    jdbc.sql(
            "UPDATE inbound_numbers SET service_id = NULL WHERE service_id = :serviceId AND number <> :number")
        .param("serviceId", serviceId)
        .param("number", number)
        .update();
    return jdbc.sql(
            """
            INSERT INTO inbound_numbers (id, number, normalised_number, service_id, created_at)
            VALUES (:id, :number, :normalised, :serviceId, :now)
            ON CONFLICT (number) DO UPDATE SET service_id = excluded.service_id
             WHERE inbound_numbers.service_id IS NULL OR inbound_numbers.service_id = excluded.service_id
            RETURNING id
            """)
        .param("id", UUID.randomUUID())
        .param("number", number)
        .param("normalised", PhoneNumbers.normaliseForComparison(number))
        .param("serviceId", serviceId)
        .param("now", Sql.ts(now))
        .query(UUID.class)
        .optional();
  }

  public Optional<String> numberOf(UUID serviceId) {
    return jdbc.sql("SELECT number FROM inbound_numbers WHERE service_id = :serviceId AND active")
        .param("serviceId", serviceId)
        .query(String.class)
        .optional();
  }
}
