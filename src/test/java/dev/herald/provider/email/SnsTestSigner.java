package dev.herald.provider.email;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs SNS messages as Amazon SNS does, with a fresh RSA key and a self-signed certificate valid
 * for a day either side of now, to be served at {@link #certificateUrl}.
 */
final class SnsTestSigner {

  static final String TOPIC = "arn:aws:sns:eu-west-2:123456789012:herald-ses-events";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KeyPair keys;
  private final X509Certificate certificate;
  private final String certificateUrl;

  SnsTestSigner(String certificateUrl) {
    this.certificateUrl = certificateUrl;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keys = generator.generateKeyPair();
      certificate = selfSigned(keys);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificate in PEM, as SNS serves it. */
  byte[] pem() {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
          .getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signed notification carrying {@code message}, as its JSON fields in SNS's order. */
  Map<String, String> notification(String message, String signatureVersion) {
    var fields = new LinkedHashMap<String, String>();
    fields.put("Type", SnsMessage.NOTIFICATION);
    fields.put("MessageId", UUID.randomUUID().toString());
    fields.put("TopicArn", TOPIC);
    fields.put("Message", message);
    fields.put("Timestamp", Instant.now().toString());
    return signed(fields, signatureVersion);
  }

  /** A signed request to confirm the subscription by fetching {@code subscribeUrl}. */
  Map<String, String> subscriptionConfirmation(String subscribeUrl) {
    var fields = new LinkedHashMap<String, String>();
    fields.put("Type", SnsMessage.SUBSCRIPTION_CONFIRMATION);
    fields.put("MessageId", UUID.randomUUID().toString());
    fields.put("Token", "2336412f37fb687f5d51e6e2425c464de12884");
    fields.put("TopicArn", TOPIC);
    fields.put("Message", "You have chosen to subscribe to the topic " + TOPIC);
    fields.put("SubscribeURL", subscribeUrl);
    fields.put("Timestamp", Instant.now().toString());
    return signed(fields, "1");
  }

  /** The fields with a fresh signature over them; for messages changed after signing. */
  Map<String, String> signed(Map<String, String> fields, String signatureVersion) {
    var signed = new LinkedHashMap<>(fields);
    signed.put("SignatureVersion", signatureVersion);
    signed.put("SigningCertURL", certificateUrl);
    signed.put("Signature", "");
    signed.put("Signature", sign(SnsMessage.of(JSON.valueToTree(signed)), signatureVersion));
    return signed;
  }

  private String sign(SnsMessage message, String signatureVersion) {
    try {
      Signature signer =
          Signature.getInstance("1".equals(signatureVersion) ? "SHA1withRSA" : "SHA256withRSA");
      signer.initSign(keys.getPrivate());
      signer.update(message.canonical().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate selfSigned(KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException {
    var name = new X500Name("CN=sns.amazonaws.com");
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            keys.getPublic());
    var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }
}
