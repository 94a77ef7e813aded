package dev.herald.provider.email;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * Checks that a message comes from Amazon SNS: signed (version 1, SHA1withRSA, or version 2,
 * SHA256withRSA) over its canonical text by the key of a certificate served from an allowed SNS
 * host. Certificates are fetched once and kept for a while.
 */
final class SnsSignature {

  private static final Duration KEEP_CERTIFICATES = Duration.ofHours(12);

  private final SnsHosts hosts;
  private final Clock clock;
  private final Cache<URI, X509Certificate> certificates =
      Caffeine.newBuilder().expireAfterWrite(KEEP_CERTIFICATES).maximumSize(100).build();

  SnsSignature(SnsHosts hosts, Clock clock) {
    this.hosts = hosts;
    this.clock = clock;
  }

  /** Why the message fails the check, or empty when it passes. */
  Optional<String> problem(SnsMessage message) throws CertificateUnavailableException {
    String algorithm =
        switch (message.signatureVersion()) {
          case "1" -> "SHA1withRSA";
          case "2" -> "SHA256withRSA";
          default -> null;
        };
    if (algorithm == null) {
      return Optional.of("SignatureVersion " + message.signatureVersion() + " is not supported");
    }
    Optional<URI> url = hosts.allowed(message.signingCertUrl());
    if (url.isEmpty()) {
      return Optional.of("SigningCertURL is not on an allowed SNS host");
    }
    X509Certificate certificate = certificate(url.get());
    try {
      certificate.checkValidity(Date.from(clock.instant()));
    } catch (CertificateException e) {
      return Optional.of("The signing certificate is expired or not yet valid");
    }
    return verifies(message, algorithm, certificate)
        ? Optional.empty()
        : Optional.of("The signature does not match the message");
  }

  private static boolean verifies(
      SnsMessage message, String algorithm, X509Certificate certificate) {
    try {
      byte[] signature = Base64.getMimeDecoder().decode(message.signature());
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(message.canonical().getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  private X509Certificate certificate(URI url) throws CertificateUnavailableException {
    X509Certificate known = certificates.getIfPresent(url);
    if (known != null) {
      return known;
    }
    try {
      byte[] pem = hosts.get(url);
      var certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(pem));
      certificates.put(url, certificate);
      return certificate;
    } catch (IOException | CertificateException | ClassCastException e) {
      throw new CertificateUnavailableException(url, e);
    }
  }

  /** The signing certificate could not be fetched or read; SNS should try again later. */
  static final class CertificateUnavailableException extends Exception {
    CertificateUnavailableException(URI url, Exception cause) {
      super("The SNS signing certificate at " + url + " could not be had: " + cause.getMessage());
    }
  }
}
