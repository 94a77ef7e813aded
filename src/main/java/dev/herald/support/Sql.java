package dev.herald.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * Conversions between {@link Instant} and {@code timestamptz} that do not depend on the JVM zone,
 * and array parameters.
 */
public final class Sql {

  private Sql() {}

  public static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * A PostgreSQL array parameter ({@code uuid}, {@code text}, {@code int4}, {@code int8} …), for
   * statements that take one value per row of a batch: {@code unnest(:ids, :statuses)}.
   */
  public static SqlTypeValue array(String elementType, Collection<?> values) {
    return new AbstractSqlTypeValue() {
      @Override
      protected Object createTypeValue(Connection connection, int sqlType, String typeName)
          throws SQLException {
        return connection.createArrayOf(elementType, values.toArray());
      }
    };
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
