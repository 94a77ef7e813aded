package dev.herald.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.ReceivedTextMessage;

/**
 * A text on its way from a provider to a service: gives the service an inbound number and an {@code
 * inbound_sms} callback to a recording endpoint, then checks that a text sent to that number got
 * all the way: its row, the v2 API through the official client, and the callback.
 */
public final class ReceivedTextJourney implements AutoCloseable {

  private static final String TOKEN = "inbound-callback-token";

  private final JdbcClient jdbc;
  private final UUID service;
  private final String number;
  private final NotificationClient client;
  private final RecordingEndpoint endpoint = new RecordingEndpoint();

  public ReceivedTextJourney(Herald herald, JdbcClient jdbc, UUID service) {
    this.jdbc = jdbc;
    this.service = service;
    this.number = herald.inboundNumber(service);
    this.client = new NotificationClient(herald.key(service, "normal"), herald.http().root());
    herald.callback(service, "inbound_sms", endpoint.url(), TOKEN);
  }

  /** The service's inbound number, where the provider should deliver the text. */
  public String number() {
    return number;
  }

  /**
   * Asserts that one text came to the service from {@code provider}: one {@code inbound_sms} row,
   * the same text in {@code GET /v2/received-text-messages}, and one callback with Notify's exact
   * body and the service's token.
   */
  public void assertArrived(String provider, String from, String text, Instant dateReceived)
      throws NotificationClientException {
    List<RecordingEndpoint.Received> endpointGot =
        endpoint.awaitReceived(1, Duration.ofSeconds(10));
    Map<String, Object> row =
        jdbc.sql("SELECT * FROM inbound_sms WHERE service_id = :service")
            .param("service", service)
            .query()
            .singleRow();
    UUID id = (UUID) row.get("id");
    assertThat(row)
        .containsEntry("provider", provider)
        .containsEntry("notify_number", number)
        .containsEntry("user_number", from)
        .containsEntry("content", text);

    List<ReceivedTextMessage> listed =
        client.getReceivedTextMessages(null).getReceivedTextMessages();
    assertThat(listed).hasSize(1);
    assertThat(listed.getFirst().getId()).isEqualTo(id);
    assertThat(listed.getFirst().getServiceId()).isEqualTo(service);
    assertThat(listed.getFirst().getNotifyNumber()).isEqualTo(number);
    assertThat(listed.getFirst().getUserNumber()).isEqualTo(from);
    assertThat(listed.getFirst().getContent()).isEqualTo(text);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", id.toString());
    expected.put("source_number", from);
    expected.put("destination_number", number);
    expected.put("message", text);
    expected.put("date_received", Timestamps.format(dateReceived));
    assertThat(endpointGot).hasSize(1);
    assertThat(endpointGot.getFirst().authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(endpointGot.getFirst().json())
        .isEqualTo(JsonMapper.builder().build().valueToTree(expected));
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
