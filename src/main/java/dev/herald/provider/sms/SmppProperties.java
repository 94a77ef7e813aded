package dev.herald.provider.sms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach an operator's SMSC over SMPP 3.4, bound from {@code HERALD_SMPP_*} environment
 * variables.
 *
 * @param host SMSC host name; the SMPP provider exists only when this is set.
 * @param port SMSC port.
 * @param systemId account name given in the bind.
 * @param password account password given in the bind.
 * @param systemType system type given in the bind, often blank.
 * @param name provider name, recorded as the notification's {@code sent_by}.
 * @param international whether the SMSC delivers to numbers outside the UK.
 * @param enquireLinkInterval how often to check the link with enquire_link.
 * @param reconnectMaxBackoff the longest wait between two attempts to bind again.
 */
@ConfigurationProperties("herald.smpp")
public record SmppProperties(
    String host,
    int port,
    String systemId,
    String password,
    String systemType,
    String name,
    boolean international,
    Duration enquireLinkInterval,
    Duration reconnectMaxBackoff) {

  public SmppProperties {
    if (port == 0) {
      port = 2775;
    }
    if (systemType == null) {
      systemType = "";
    }
    if (name == null || name.isBlank()) {
      name = "smpp";
    }
    if (enquireLinkInterval == null) {
      enquireLinkInterval = Duration.ofSeconds(30);
    }
    if (reconnectMaxBackoff == null) {
      reconnectMaxBackoff = Duration.ofSeconds(60);
    }
  }
}
