package dev.herald.provider.sms;

import dev.herald.delivery.OutgoingSms;
import dev.herald.delivery.ProviderException;
import dev.herald.delivery.SmsProvider;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hands text messages to an aggregator as JSON over HTTP: {@code POST {reference, to, from, text}},
 * answered with {@code {id}}. Server errors, 429 and network failures may be retried; other
 * refusals may not.
 */
final class HttpSmsProvider implements SmsProvider, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpSmsProvider.class);

  private final HttpSmsProperties properties;
  private final ObjectMapper json;
  private final HttpClient client;

  HttpSmsProvider(HttpSmsProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  @Override
  public String name() {
    return properties.name();
  }

  @Override
  public boolean supportsInternational() {
    return properties.international();
  }

  @Override
  public String send(OutgoingSms sms) throws ProviderException {
    HttpResponse<byte[]> response;
    try {
      response = client.send(request(sms), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new ProviderException(name() + " did not answer in " + properties.timeout(), true, e);
    } catch (IOException e) {
      throw new ProviderException(name() + " could not be reached: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("Interrupted while sending to " + name(), true, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      // The answer's body is not kept: an aggregator may echo the number or the text back.
      throw new ProviderException(
          name() + " refused notification " + sms.notificationId() + " with HTTP " + status,
          retryable(status));
    }
    return reference(sms, response.body());
  }

  private HttpRequest request(OutgoingSms sms) {
    ObjectNode body = json.createObjectNode();
    body.put("reference", sms.notificationId().toString());
    body.put("to", sms.to());
    body.put("from", sms.sender());
    body.put("text", sms.text());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(properties.url())
            .timeout(properties.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
      request.header("Authorization", "Bearer " + properties.apiKey().strip());
    }
    return request.build();
  }

  /** The aggregator's id for the message; the notification id when it gave none. */
  private String reference(OutgoingSms sms, byte[] body) {
    try {
      JsonNode id = body.length == 0 ? null : json.readTree(body).get("id");
      if (id != null && id.isValueNode() && !id.isNull() && !id.asString().isBlank()) {
        return id.asString();
      }
    } catch (JacksonException e) {
      // Accepted all the same: failing here would send the message twice.
    }
    log.warn(
        "{} accepted notification {} without an id; receipts must use the notification id",
        name(),
        sms.notificationId());
    return sms.notificationId().toString();
  }

  /** Whether a refusal is worth trying again: server trouble, too many requests, a timeout. */
  static boolean retryable(int status) {
    return status >= 500 || status == 429 || status == 408;
  }

  @Override
  public void close() {
    client.close();
  }
}
