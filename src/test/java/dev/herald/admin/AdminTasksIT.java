package dev.herald.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminTasksIT extends ApiIT {

  private JsonNode task(String name) {
    return herald
        .adminOk("GET", "/admin/tasks", null)
        .get("tasks")
        .valueStream()
        .filter(t -> t.get("name").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void listsThePeriodicTasksWithTheirNextRun() {
    JsonNode tasks = herald.adminOk("GET", "/admin/tasks", null).get("tasks");
    assertThat(tasks.valueStream().map(t -> t.get("name").asString()))
        .contains(
            "timeout-sending-notifications",
            "delete-notifications-older-than-retention",
            "delete-inbound-sms",
            "switch-sms-provider-on-slow-delivery",
            "tend-providers-back-to-middle",
            "apply-early-receipts");
    assertThat(task("delete-inbound-sms").get("next_run").asString()).endsWith("01:40:00.000000Z");
    assertThat(task("timeout-sending-notifications").get("next_run").asString())
        .endsWith("00:05:00.000000Z");
  }

  @Test
  void runsATaskNowOnRequest() {
    assertThat(herald.admin("POST", "/admin/tasks/delete-inbound-sms/run", null).status())
        .isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !task("delete-inbound-sms").get("last_success").isNull());
    assertThat(herald.admin("POST", "/admin/tasks/no-such-task/run", null).status()).isEqualTo(404);
  }
}
