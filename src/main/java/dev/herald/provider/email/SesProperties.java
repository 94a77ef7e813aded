package dev.herald.provider.email;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Amazon SES provider, bound from {@code HERALD_SES_*} environment variables.
 *
 * @param region AWS region of SES (and of its SNS topic); the SES provider exists only when set.
 * @param endpoint SES endpoint to use instead of the region's, for tests and look-alike servers.
 * @param accessKeyId access key; the AWS default credential chain is used when blank.
 * @param secretAccessKey secret of the access key.
 * @param configurationSet SES configuration set named on each email, for event publishing.
 * @param name the provider's name, recorded as {@code sent_by} and matched against receipts.
 * @param timeout longest wait for SES to answer one send; 10 s.
 * @param snsCertificateHostPattern regular expression the hosts of SNS signing certificates and
 *     subscription URLs must match; {@code sns.<region>.amazonaws.com} by default.
 * @param snsTopicArns SNS topics whose messages are taken; any topic when empty (anyone can sign
 *     through SNS with a topic of their own, so set this in production).
 */
@ConfigurationProperties("herald.ses")
public record SesProperties(
    String region,
    URI endpoint,
    String accessKeyId,
    String secretAccessKey,
    String configurationSet,
    String name,
    Duration timeout,
    String snsCertificateHostPattern,
    List<String> snsTopicArns) {

  public SesProperties {
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("HERALD_SES_REGION must be set for the SES provider");
    }
    region = region.strip();
    if (endpoint != null
        && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      throw new IllegalArgumentException("HERALD_SES_ENDPOINT must be an http or https URL");
    }
    accessKeyId = blankToNull(accessKeyId);
    secretAccessKey = blankToNull(secretAccessKey);
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException(
          "HERALD_SES_ACCESS_KEY_ID and HERALD_SES_SECRET_ACCESS_KEY go together");
    }
    configurationSet = blankToNull(configurationSet);
    if (name == null || name.isBlank()) {
      name = "ses";
    }
    if (timeout == null) {
      timeout = Duration.ofSeconds(10);
    }
    if (snsCertificateHostPattern == null || snsCertificateHostPattern.isBlank()) {
      snsCertificateHostPattern = "sns\\." + Pattern.quote(region) + "\\.amazonaws\\.com(\\.cn)?";
    }
    Pattern.compile(snsCertificateHostPattern); // a malformed pattern stops Herald at start-up
    snsTopicArns =
        snsTopicArns == null
            ? List.of()
            : snsTopicArns.stream().filter(arn -> !arn.isBlank()).map(String::strip).toList();
  }

  /** The hosts SNS signing certificates and subscription URLs may come from. */
  Pattern snsCertificateHosts() {
    return Pattern.compile(snsCertificateHostPattern, Pattern.CASE_INSENSITIVE);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "SesProperties[region=%s, endpoint=%s, accessKeyId=%s, configurationSet=%s, name=%s]"
        .formatted(region, endpoint, accessKeyId, configurationSet, name);
  }
}
