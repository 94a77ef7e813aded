package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class DatabaseOutageTest {

  @ParameterizedTest
  @ValueSource(strings = {"08006", "08001", "57P01", "57P02", "57P03", "40001", "40P01"})
  void takesConnectionShutdownAndConflictStatesForAnOutage(String state) {
    assertThat(DatabaseOutage.isOutage(wrapped(state))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"22P05", "23505", "42P01", "XX000"})
  void takesOtherStatesForABug(String state) {
    assertThat(DatabaseOutage.isOutage(wrapped(state))).isFalse();
    assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("x"))).isFalse();
  }

  @Test
  void takesAPoolTimeoutOrALostConnectionForAnOutage() {
    assertThat(
            DatabaseOutage.isOutage(
                new CannotGetJdbcConnectionException(
                    "no connection", new SQLTransientConnectionException("herald - timeout"))))
        .isTrue();
    assertThat(DatabaseOutage.isOutage(new QueryTimeoutException("slow"))).isTrue();
    assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("gone"))).isTrue();
    assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"54000", "22021", "22P05", "22001"})
  void takesAValueTheDatabaseRefusedForTheRequestsFaultNotAnOutage(String state) {
    RuntimeException refused =
        new DataAccessResourceFailureException("insert", new SQLException("x", state));
    assertThat(DatabaseOutage.isOutage(refused)).isFalse();
    assertThat(DatabaseOutage.isRefusedValue(refused)).isTrue();
    assertThat(DatabaseOutage.isRefusedValue(wrapped("08006"))).isFalse();
    assertThat(DatabaseOutage.isRefusedValue(new QueryTimeoutException("slow"))).isFalse();
  }

  private static RuntimeException wrapped(String state) {
    return new IllegalStateException(
        new UncategorizedSQLException("insert", "INSERT …", new SQLException("x", state)));
  }
}
