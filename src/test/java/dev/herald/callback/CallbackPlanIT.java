package dev.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.PlanProbe;
import dev.herald.testdata.PlanProbe.Figures;
import dev.herald.testdata.PlanProbe.Param;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With 190 personal-data partitions, the reads of a callback's body plan and lock no personal-data
 * partition, in a custom and in a generic plan: the recipient is read next from its day's only.
 */
class CallbackPlanIT extends ApiIT {

  @Autowired DataSource dataSource;

  @Test
  void theReadsOfCallbackBodiesLockAndPlanNoPersonalDataPartitionInEitherPlan() {
    PlanProbe probe = new PlanProbe(dataSource);
    assertThat(probe.partitionsUpTo(Timestamps.londonDate(clock.instant()), 190))
        .isGreaterThanOrEqualTo(190);
    Param id = new Param("id", "uuid", "'" + UUID.randomUUID() + "'");
    for (String statement :
        new String[] {CallbackPayloads.DELIVERY_STATUS, CallbackPayloads.COMPLAINT}) {
      for (Figures f : probe.both("callback body", statement, id)) {
        assertThat(f.locks()).as(f.plan()).isLessThanOrEqualTo(PlanProbe.MAX_LOCKS);
        assertThat(f.partitions()).as(f.plan()).isEmpty();
      }
    }
  }
}
