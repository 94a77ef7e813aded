package dev.herald.stats;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Serialises the rebuilds of one combination, across instances, until the transaction ends. */
final class FactLocks {

  private FactLocks() {}

  static void lock(JdbcClient jdbc, FactCombination combination) {
    // A hash collision only makes two unrelated rebuilds wait for each other.
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .param("key", combination.instance())
        .query((rs, row) -> 1)
        .single();
  }
}
