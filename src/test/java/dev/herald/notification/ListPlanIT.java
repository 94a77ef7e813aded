package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The v2 list filtered by one status other than delivered reads {@code
 * ix_notifications_undelivered_page} in the page's order, even in the generic plan pgjdbc's
 * server-side statements switch to after five runs.
 */
class ListPlanIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void aPageOfOneUndeliveredStatusReadsThePartialIndexInOrderInAGenericPlan() {
    List<String> plan = genericPlan(NotificationRepository.PAGE_OF_ONE_UNDELIVERED_STATUS);
    List<String> partialIndexes =
        jdbc.sql(
                """
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'ix_notifications_undelivered_page'::regclass
                """)
            .query(String.class)
            .list();

    String text = String.join("\n", plan);
    assertThat(partialIndexes).isNotEmpty();
    assertThat(plan)
        .as(text)
        .anyMatch(l -> l.contains("Index Scan") && partialIndexes.stream().anyMatch(l::contains));
    assertThat(plan)
        .as("no sort node: the partitions' ranges are merged in order\n" + text)
        .noneMatch(l -> l.trim().matches("(->  )?(Incremental )?Sort"));
  }

  @Test
  void aPageOfSeveralUndeliveredStatusesReadsEachStatusRangeInOrderInAGenericPlan() {
    List<String> plan =
        genericPlan(
            NotificationRepository.PAGE_OF_UNDELIVERED_STATUSES,
            "'{temporary-failure,permanent-failure}'");
    String text = String.join("\n", plan);
    assertThat(plan)
        .as(text)
        .anyMatch(l -> l.contains("Index Scan") && l.contains("undelivered_page"));
    assertThat(plan)
        .as("one sort, of the ranges' union; none within a status's range\n" + text)
        .filteredOn(l -> l.trim().matches("(->  )?(Incremental )?Sort"))
        .hasSize(1);
  }

  /** The statement's plan as PostgreSQL makes it without the parameters' values. */
  private List<String> genericPlan(String statement) {
    return genericPlan(statement, "'{sending}'");
  }

  private List<String> genericPlan(String statement, String statuses) {
    String prepared =
        statement
            .replace(":serviceId", "$1")
            .replace(":keyType", "$2")
            .replace(":statuses", "$3")
            .replace(":types", "$4")
            .replace(":includeJobs", "$5")
            .replace(":beforeId", "$7")
            .replace(":before", "$6")
            .replace(":limit", "$8");
    return tx.execute(
        status -> {
          jdbc.sql("SET LOCAL enable_seqscan = off").update();
          jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
          jdbc.sql(
                  "PREPARE list_page (uuid, text, text, text, boolean, timestamptz, uuid, int) AS "
                      + prepared)
              .update();
          try {
            return jdbc.sql(
                    """
                    EXPLAIN (COSTS OFF) EXECUTE list_page (gen_random_uuid(), 'normal',
                        %s, '{email,sms}', true, now(), gen_random_uuid(), 250)
                    """
                        .formatted(statuses))
                .query(String.class)
                .list();
          } finally {
            jdbc.sql("DEALLOCATE list_page").update();
          }
        });
  }
}
