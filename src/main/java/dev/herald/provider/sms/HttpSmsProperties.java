package dev.herald.provider.sms;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the HTTP aggregator provider, bound from {@code HERALD_HTTP_SMS_*}.
 *
 * @param url the aggregator's send endpoint; the provider is on only when it is set.
 * @param apiKey key sent to the aggregator as {@code Authorization: Bearer}.
 * @param name the provider's name, recorded as {@code sent_by} and matched against receipts.
 * @param international whether the aggregator delivers to numbers outside the UK.
 * @param timeout longest wait to connect, and for the aggregator's answer to one message.
 * @param callbackToken secret the aggregator presents as a bearer token on Herald's endpoints.
 */
@ConfigurationProperties("herald.http-sms")
record HttpSmsProperties(
    URI url,
    String apiKey,
    String name,
    boolean international,
    Duration timeout,
    String callbackToken) {

  HttpSmsProperties {
    if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException("HERALD_HTTP_SMS_URL must be an http or https URL");
    }
    if (name == null || name.isBlank()) {
      name = "http-sms";
    }
    if (timeout == null) {
      timeout = Duration.ofSeconds(10);
    }
  }

  @Override
  public String toString() {
    return "HttpSmsProperties[" + url + ", " + name + "]";
  }
}
