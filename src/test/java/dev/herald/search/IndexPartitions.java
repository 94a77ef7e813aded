package dev.herald.search;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The names of a partitioned index's partitions, as plans name the indexes they use. */
final class IndexPartitions {

  private IndexPartitions() {}

  static List<String> of(JdbcClient jdbc, String index) {
    return jdbc.sql(
            """
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = CAST(:index AS regclass)
            """)
        .param("index", index)
        .query(String.class)
        .list();
  }
}
