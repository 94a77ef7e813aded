package dev.herald.antivirus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Herald's virus scanner, clamd, listens, bound from {@code HERALD_CLAMD_*} variables.
 *
 * @param clamdAddress {@code host:port} or {@code unix:/path/to/clamd.ctl}; blank for no scanner.
 * @param clamdConnectTimeout how long connecting to clamd may take; 2 s.
 * @param clamdReadTimeout how long clamd may take to read the next part of a file or to answer; 30
 *     s.
 */
@ConfigurationProperties("herald")
record ClamdProperties(
    String clamdAddress, Duration clamdConnectTimeout, Duration clamdReadTimeout) {

  ClamdProperties {
    clamdConnectTimeout = clamdConnectTimeout == null ? Duration.ofSeconds(2) : clamdConnectTimeout;
    clamdReadTimeout = clamdReadTimeout == null ? Duration.ofSeconds(30) : clamdReadTimeout;
  }

  ClamdScanner scanner() {
    return new ClamdScanner(clamdAddress, clamdConnectTimeout, clamdReadTimeout);
  }
}
