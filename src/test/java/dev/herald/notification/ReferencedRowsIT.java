package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testdata.ApiIT;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications carry no foreign keys (V0035): the services, template versions and API keys they
 * refer to can never be deleted, so that no reference dangles.
 */
class ReferencedRowsIT extends ApiIT {

  @Autowired JdbcClient jdbc;

  @Test
  void servicesTemplateVersionsAndApiKeysAreNeverDeleted() {
    UUID service = herald.liveService();
    UUID template = herald.template(service, "email", "Hi", "Hello");
    herald.key(service, "normal");
    for (String delete :
        new String[] {
          "DELETE FROM services WHERE id = :id",
          "DELETE FROM templates_history WHERE id = :template",
          "DELETE FROM api_keys WHERE service_id = :id",
          "TRUNCATE api_keys CASCADE"
        }) {
      assertThatThrownBy(
              () -> jdbc.sql(delete).params(Map.of("id", service, "template", template)).update())
          .as(delete)
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("are never deleted");
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM api_keys WHERE service_id = :id")
                .param("id", service)
                .query(Long.class)
                .single())
        .isOne();
  }
}
