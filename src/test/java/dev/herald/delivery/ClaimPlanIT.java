package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.PlanProbe;
import dev.herald.testdata.PlanProbe.Figures;
import dev.herald.testdata.PlanProbe.Param;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With 190 personal-data partitions (a service with 90-day retention), a claim of the delivery
 * queue plans and locks no personal-data partition, in a custom plan and in a generic plan: the
 * personal data is read afterwards, from its days' partitions only (PersonalDataPlanIT).
 */
class ClaimPlanIT extends ApiIT {

  @Autowired DataSource dataSource;

  @Test
  void aClaimLocksAndPlansNoPersonalDataPartitionInEitherPlan() {
    PlanProbe probe = new PlanProbe(dataSource);
    Param[] params = {
      new Param("instance", "text", "'plan-probe'"),
      new Param("until", "timestamptz", "'2000-01-01T00:05:00Z'"),
      new Param("now", "timestamptz", "'2000-01-01T00:00:00Z'"),
      new Param("limit", "int", "50"),
      new Param("lowest", "int", "-2147483648")
    };
    probe.both("claim", DeliveryRepository.CLAIM, params);
    assertThat(probe.partitionsUpTo(Timestamps.londonDate(clock.instant()), 190))
        .isGreaterThanOrEqualTo(190);
    for (Figures f : probe.both("claim", DeliveryRepository.CLAIM, params)) {
      assertThat(f.locks()).as(f.plan()).isLessThanOrEqualTo(PlanProbe.MAX_LOCKS);
      assertThat(f.partitions()).as(f.plan()).isEmpty();
    }
  }
}
