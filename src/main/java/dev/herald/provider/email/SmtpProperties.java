package dev.herald.provider.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the SMTP provider, bound from {@code HERALD_SMTP_*} environment variables.
 *
 * @param host mail server to hand emails to; the SMTP provider exists only when this is set.
 * @param port mail server port; 587 with STARTTLS, 25 without, when not set.
 * @param username login for SMTP AUTH; no authentication when blank.
 * @param password password for SMTP AUTH.
 * @param starttls require STARTTLS (and a server certificate matching the host) before sending.
 * @param timeout limit on connecting and on each read and write of the conversation; 10 s.
 * @param maxConnections most connections open to the server at once, each reused across sends; 4.
 * @param deliveredOnAccept count the server's acceptance as delivery (plain SMTP sends no
 *     receipts); true by default, false leaves emails {@code sending} until the 72-hour timeout.
 */
@ConfigurationProperties("herald.smtp")
public record SmtpProperties(
    String host,
    Integer port,
    String username,
    String password,
    boolean starttls,
    Duration timeout,
    Integer maxConnections,
    Boolean deliveredOnAccept) {

  public SmtpProperties {
    if (port == null) {
      port = starttls ? 587 : 25;
    }
    if (username != null && username.isBlank()) {
      username = null;
    }
    if (timeout == null) {
      timeout = Duration.ofSeconds(10);
    }
    if (maxConnections == null) {
      maxConnections = 4;
    }
    if (deliveredOnAccept == null) {
      deliveredOnAccept = true;
    }
  }

  @Override
  public String toString() {
    return "SmtpProperties[host=%s, port=%d, username=%s, starttls=%s, timeout=%s]"
        .formatted(host, port, username, starttls, timeout);
  }
}
