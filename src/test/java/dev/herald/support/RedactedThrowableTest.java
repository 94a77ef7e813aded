package dev.herald.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class RedactedThrowableTest {

  @Test
  void keepsClassesSqlStatesAndFramesButNoMessage() {
    SQLException sql = new SQLException("DETAIL: {\"name\": \"someone@example.gov.uk\"}", "22P05");
    Exception e = new DataIntegrityViolationException("insert someone@example.gov.uk", sql);

    Throwable redacted = RedactedThrowable.of(e);
    StringWriter printed = new StringWriter();
    redacted.printStackTrace(new PrintWriter(printed));

    assertThat(printed.toString())
        .doesNotContain("someone@example.gov.uk")
        .contains(DataIntegrityViolationException.class.getName())
        .contains("java.sql.SQLException (SQLState 22P05)")
        .contains("RedactedThrowableTest.keepsClassesSqlStatesAndFramesButNoMessage");
    assertThat(RedactedThrowable.summary(e))
        .isEqualTo(
            DataIntegrityViolationException.class.getName()
                + " <- java.sql.SQLException (SQLState 22P05)");
  }
}
