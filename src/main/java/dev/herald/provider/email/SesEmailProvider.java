package dev.herald.provider.email;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.OutgoingEmail;
import dev.herald.delivery.ProviderException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/**
 * Hands emails to Amazon SES (API v2): simple content when SES may build the MIME message, raw MIME
 * when the one-click unsubscribe headers must go in; answers SES's MessageId as the reference,
 * which its delivery events (through SNS) name again.
 */
public class SesEmailProvider implements EmailProvider, AutoCloseable {

  private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>]*@[^\\s<>]*>?");
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final SesProperties properties;
  private final SesV2Client client;
  private final Session session = Session.getInstance(new Properties());
  private final Clock clock;

  public SesEmailProvider(SesProperties properties, Clock clock) {
    this.properties = properties;
    this.client = client(properties);
    this.clock = clock;
  }

  @Override
  public String name() {
    return properties.name();
  }

  @Override
  public String send(OutgoingEmail email) throws ProviderException {
    SendEmailRequest request = request(email);
    try {
      return client.sendEmail(request).messageId();
    } catch (SdkException e) {
      throw failure(e);
    }
  }

  /** Closes the SDK client and its HTTP connections. */
  @Override
  public void close() {
    client.close();
  }

  private SendEmailRequest request(OutgoingEmail email) throws ProviderException {
    try {
      var request = SendEmailRequest.builder().configurationSetName(properties.configurationSet());
      boolean unsubscribe = email.unsubscribeUrl() != null && !email.unsubscribeUrl().isBlank();
      return (unsubscribe ? raw(request, email) : simple(request, email)).build();
    } catch (MessagingException e) {
      // the message names the header at fault, never the address
      throw new ProviderException("Cannot make the email: " + e.getMessage(), false);
    }
  }

  private SendEmailRequest.Builder raw(SendEmailRequest.Builder request, OutgoingEmail email)
      throws MessagingException {
    var message = NotificationMessage.of(session, email, clock.instant());
    var bytes = new ByteArrayOutputStream();
    try {
      message.writeTo(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("Writing to memory cannot fail", e);
    }
    RawMessage raw = RawMessage.builder().data(SdkBytes.fromByteArray(bytes.toByteArray())).build();
    return request.content(EmailContent.builder().raw(raw).build());
  }

  private static SendEmailRequest.Builder simple(
      SendEmailRequest.Builder request, OutgoingEmail email) throws MessagingException {
    // Parsing first: SES would name a malformed address in its refusal
    String from = sender(email).toString();
    String to = new InternetAddress(email.to(), true).getAddress();
    var message =
        Message.builder()
            .subject(utf8(email.subject()))
            .body(Body.builder().text(utf8(email.textBody())).html(utf8(email.htmlBody())).build())
            .build();
    request
        .fromEmailAddress(from)
        .destination(Destination.builder().toAddresses(to).build())
        .content(EmailContent.builder().simple(message).build());
    if (email.replyTo() != null && !email.replyTo().isBlank()) {
      request.replyToAddresses(List.of(new InternetAddress(email.replyTo(), true).getAddress()));
    }
    return request;
  }

  /** {@code "name" <address>}, the name encoded (RFC 2047) when it is not plain ASCII. */
  private static InternetAddress sender(OutgoingEmail email) throws MessagingException {
    try {
      var address = new InternetAddress(email.fromAddress(), true);
      return new InternetAddress(address.getAddress(), email.fromName(), UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset(UTF_8).build();
  }

  private static ProviderException failure(SdkException e) {
    if (!(e instanceof AwsServiceException refusal)) {
      // no answer from SES: a network failure or a timeout
      return new ProviderException("SES could not be reached: " + e.getMessage(), true, e);
    }
    int status = refusal.statusCode();
    // the fault is in Herald's account, not in the email: once it is sorted out the email will go
    boolean account =
        refusal instanceof SendingPausedException || refusal instanceof AccountSuspendedException;
    boolean retryable =
        refusal.isThrottlingException() || status == 429 || status >= 500 || account;
    String code = refusal.awsErrorDetails() == null ? null : refusal.awsErrorDetails().errorCode();
    String text =
        refusal.awsErrorDetails() == null ? null : refusal.awsErrorDetails().errorMessage();
    // no cause: SES names the addresses it refused, and those must stay out of the logs
    return new ProviderException(
        "SES refused the email %s (%d %s): %s"
            .formatted(retryable ? "for now" : "permanently", status, code, withoutAddresses(text)),
        retryable);
  }

  private static String withoutAddresses(String text) {
    return text == null ? "" : ADDRESS.matcher(text).replaceAll("[address]");
  }

  private static SesV2Client client(SesProperties properties) {
    var client =
        SesV2Client.builder()
            .region(Region.of(properties.region()))
            .credentialsProvider(credentials(properties))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(properties.timeout())
                    .socketTimeout(properties.timeout()))
            // Herald's delivery queue retries with its own backoff; the SDK's retries would
            // multiply the attempts and hold a delivery thread meanwhile
            .overrideConfiguration(
                c ->
                    c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(properties.timeout()));
    if (properties.endpoint() != null) {
      client.endpointOverride(properties.endpoint());
    }
    return client.build();
  }

  private static AwsCredentialsProvider credentials(SesProperties properties) {
    if (properties.accessKeyId() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
  }
}
