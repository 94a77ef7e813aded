package dev.herald.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.herald.testdata.ApiIT;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL refuses never reaches a log line with the values it refused: neither the driver's
 * exception message nor the embedded server's own log.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseLogIT extends ApiIT {

  @Autowired JdbcClient jdbc;

  @Test
  void theDriversMessageDoesNotQuoteTheValuesPostgresqlRefused(CapturedOutput output) {
    // PostgreSQL quotes the last 30 or so characters of JSON before the error: keep it short.
    String secret = "jo" + UUID.randomUUID().toString().substring(0, 8);
    String json = "{\"email_address\": \"" + secret + "\\u0000\"}";

    Throwable bound =
        catchThrowable(
            () -> jdbc.sql("SELECT CAST(:json AS jsonb)").param("json", json).query().listOfRows());
    Throwable inline =
        catchThrowable(() -> jdbc.sql("SELECT CAST('" + json + "' AS jsonb)").query().listOfRows());

    assertThat(bound).isNotNull();
    assertThat(inline).isNotNull();
    for (Throwable t = bound; t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContain(secret);
    }
    assertThat(output.getAll()).doesNotContain(secret);
  }

  /**
   * The embedded server forwards its log to Herald's only while it starts, so its settings are what
   * can be checked: no STATEMENT line with an error, and no DETAIL or CONTEXT (which quote values).
   */
  @Test
  void theEmbeddedServerLogsErrorsTersely() {
    assertThat(jdbc.sql("SHOW log_min_error_statement").query(String.class).single())
        .isEqualTo("panic");
    assertThat(jdbc.sql("SHOW log_error_verbosity").query(String.class).single())
        .isEqualTo("terse");
  }
}
