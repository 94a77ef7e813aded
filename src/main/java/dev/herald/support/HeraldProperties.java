package dev.herald.support;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Herald's own settings, bound from {@code HERALD_*} environment variables.
 *
 * @param databaseUrl JDBC URL of an external PostgreSQL; when blank Herald starts an embedded one.
 * @param databaseUsername user for the external database.
 * @param databasePassword password for the external database.
 * @param dataDir directory for the embedded database, generated keys and the admin token.
 * @param baseUrl public root URL used in links; when blank the request's own host is used.
 * @param secretKey 32-byte key (base64 or hex) that encrypts secrets at rest; generated when blank.
 * @param adminToken bearer token of the admin API; generated into the data directory when blank.
 * @param documentsUrl public root URL of the file download pages for send-a-file by email.
 * @param emailDomain domain of the From address of emails ({@code <service>@<domain>}).
 * @param embeddedEphemeral start the embedded database from an empty directory every time (tests).
 */
@ConfigurationProperties("herald")
public record HeraldProperties(
    String databaseUrl,
    String databaseUsername,
    String databasePassword,
    Path dataDir,
    String baseUrl,
    String secretKey,
    String adminToken,
    String documentsUrl,
    String emailDomain,
    boolean embeddedEphemeral) {

  public HeraldProperties {
    if (dataDir == null) {
      dataDir = Path.of("var");
    }
    if (emailDomain == null || emailDomain.isBlank()) {
      emailDomain = "herald.localhost";
    }
  }
}
