package dev.herald.notification;

import dev.herald.api.ApiException;
import dev.herald.auth.AuthenticatedKey;
import dev.herald.auth.KeyType;
import dev.herald.document.DocumentService;
import dev.herald.limit.RateLimiter;
import dev.herald.recipient.PostalAddress;
import dev.herald.service.Service;
import dev.herald.service.ServiceCache;
import dev.herald.support.HeraldProperties;
import dev.herald.support.Ids;
import dev.herald.support.Uuids;
import dev.herald.template.ContentSanitiser;
import dev.herald.template.EmailBody;
import dev.herald.template.LetterBody;
import dev.herald.template.Personalisations;
import dev.herald.template.RenderedTemplate;
import dev.herald.template.Renders;
import dev.herald.template.SmsText;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The send pipeline of {@code POST /v2/notifications/{email,sms}}, in Notify's order: rate limit,
 * parse, schema, permission, template and personalisation, sender, recipient, length, daily limit,
 * then one insert of the notification, its personal data and its delivery task.
 */
@Component
class SendService {

  private final ServiceCache services;
  private final RateLimiter rateLimiter;
  private final SendValidation validation;
  private final TemplateCache templates;
  private final SenderLookup senders;
  private final RecipientCheck recipients;
  private final DocumentService documents;
  private final SendStore store;
  private final PrecompiledSend precompiledLetters;
  private final ObjectMapper json;
  private final String emailDomain;

  SendService(
      ServiceCache services,
      RateLimiter rateLimiter,
      SendValidation validation,
      TemplateCache templates,
      SenderLookup senders,
      RecipientCheck recipients,
      DocumentService documents,
      SendStore store,
      PrecompiledSend precompiledLetters,
      ObjectMapper json,
      HeraldProperties properties) {
    this.services = services;
    this.rateLimiter = rateLimiter;
    this.validation = validation;
    this.templates = templates;
    this.senders = senders;
    this.recipients = recipients;
    this.documents = documents;
    this.store = store;
    this.precompiledLetters = precompiledLetters;
    this.json = json;
    this.emailDomain = properties.emailDomain();
  }

  Map<String, Object> send(AuthenticatedKey key, String type, byte[] rawBody, String root) {
    Service service = services.find(key.serviceId()).orElseThrow(ApiException::noResultFound);
    rateLimiter.take(service, key.keyType());
    JsonNode body = validation.parseAndValidate(type, rawBody);
    SendValidation.checkPermission(service, type);
    Map<String, Object> personalisation =
        Personalisations.fromJson(json, body.get("personalisation"));
    Map<String, ContentSanitiser.Change> sanitised = Map.of();
    if ("email".equals(type)
        && body.has("sanitise_content_for")
        && body.get("sanitise_content_for").isArray()) {
      List<String> keys =
          body.get("sanitise_content_for").valueStream().map(JsonNode::asString).toList();
      ContentSanitiser.Result result = ContentSanitiser.sanitise(personalisation, keys);
      personalisation = new LinkedHashMap<>(result.personalisation());
      sanitised = result.changes();
    }
    Template template = template(service, type, body);
    SendRequest request = new SendRequest(key, service, type, body, template, personalisation);
    RenderedTemplate rendered = render(request);
    String sender = senders.senderFor(request);
    Recipient recipient = recipients.check(request);
    if (request.personalisation().values().stream().anyMatch(DocumentService::isFile)) {
      request = withDownloadLinks(request, recipient, root);
      rendered = render(request);
    }
    checkLength(type, rendered);
    UUID id = Ids.timeOrdered();
    if (!recipient.simulated()) {
      store.accept(id, request, recipient, sender, null);
    }
    return SendResponse.of(id, request, rendered, sender, sanitised, emailDomain, root);
  }

  /**
   * {@code POST /v2/notifications/letter} from a template, in Notify's order (notify-letters.md
   * §1.1): rate limit, parse, schema, permission, template and personalisation, the key type, trial
   * mode, the address, the daily limit; then the letter is stored, {@code created} (a test key's
   * {@code sending}, shown as {@code accepted}), with the template's contact block and its postage,
   * or the address's zone when it is abroad.
   */
  Map<String, Object> sendLetter(AuthenticatedKey key, byte[] rawBody, String root) {
    Service service = services.find(key.serviceId()).orElseThrow(ApiException::noResultFound);
    rateLimiter.take(service, key.keyType());
    JsonNode body = validation.parseAndValidateLetter(rawBody);
    SendValidation.checkPermission(service, "letter");
    boolean precompiled = body.has("content");
    Template template = precompiled ? null : template(service, "letter", body);
    Map<String, Object> personalisation =
        Personalisations.fromJson(json, body.get("personalisation"));
    SendRequest request = new SendRequest(key, service, "letter", body, template, personalisation);
    RenderedTemplate rendered = precompiled ? null : render(request);
    if (!precompiled) {
      checkQrCodes(rendered);
    }
    if (key.keyType() == KeyType.TEAM) {
      throw new ApiException(403, "BadRequestError", "Cannot send letters with a team api key");
    }
    if (service.restricted() && key.keyType() != KeyType.TEST) {
      throw new ApiException(
          403, "BadRequestError", "Cannot send letters when service is in trial mode");
    }
    if (precompiled) {
      return precompiledLetters.accept(request);
    }
    PostalAddress address =
        PostalAddress.fromPersonalisation(
            Personalisations.asText(personalisation), service.can("international_letters"));
    address
        .problem()
        .ifPresent(
            problem -> {
              throw ApiException.validation(problem.message());
            });
    String postage = address.international() ? address.postage() : template.postage();
    Recipient recipient =
        new Recipient(
            address.normalised(), address.searchable(), address.international(), null, false);
    UUID id = Ids.timeOrdered();
    store.accept(id, request, recipient, template.letterContactBlock(), postage);
    return SendResponse.of(id, request, rendered, null, Map.of(), emailDomain, root);
  }

  /** Notify's refusal of a QR code holding more than it can print (contract §3.3). */
  private static void checkQrCodes(RenderedTemplate rendered) {
    LetterBody.tooLongQrData(rendered.body())
        .ifPresent(
            data -> {
              Map<String, Object> details = new LinkedHashMap<>();
              details.put("data", data);
              details.put("num_bytes", data.getBytes(StandardCharsets.UTF_8).length);
              details.put("max_bytes", LetterBody.MAX_QR_BYTES);
              throw ApiException.validationWith(
                  "Cannot create a usable QR code - the link is too long", details);
            });
  }

  /** Stores each file sent by email and puts its download link in place of the file. */
  private SendRequest withDownloadLinks(SendRequest request, Recipient recipient, String root) {
    Map<String, Object> personalisation = new LinkedHashMap<>(request.personalisation());
    JsonNode files = request.body().get("personalisation");
    for (Map.Entry<String, Object> entry : personalisation.entrySet()) {
      if (DocumentService.isFile(entry.getValue())) {
        entry.setValue(
            documents.upload(
                request.service(),
                files.get(entry.getKey()),
                recipient.asSent(),
                recipient.simulated(),
                root));
      }
    }
    return new SendRequest(
        request.key(),
        request.service(),
        request.type(),
        request.body(),
        request.template(),
        personalisation);
  }

  private Template template(Service service, String type, JsonNode body) {
    UUID templateId = Uuids.parse(body.get("template_id").asString()).orElseThrow();
    Template template =
        templates
            .latest(service.id(), templateId)
            .orElseThrow(() -> ApiException.badRequest("Template not found"));
    if (!template.type().equals(type)) {
      throw ApiException.badRequest(
          template.type() + " template is not suitable for " + type + " notification");
    }
    if (template.archived()) {
      throw ApiException.badRequest("Template has been deleted");
    }
    return template;
  }

  private static RenderedTemplate render(SendRequest request) {
    if (!"email".equals(request.type())
        && request.personalisation().values().stream()
            .anyMatch(v -> v instanceof Map<?, ?> m && m.containsKey("file"))) {
      throw ApiException.badRequest("Can only send a file by email");
    }
    RenderedTemplate rendered = Renders.checked(request.template(), request.personalisation());
    if (rendered.empty()) {
      throw ApiException.badRequest("Your message is empty.");
    }
    return rendered;
  }

  private static void checkLength(String type, RenderedTemplate rendered) {
    if ("sms".equals(type)) {
      SmsText text = SmsText.of(rendered.body());
      if (text.isTooLong()) {
        throw ApiException.badRequest(
            "Your message is too long. Text messages cannot be longer than "
                + SmsText.MAX_CHARACTERS
                + " characters. Your message is "
                + text.characterCount()
                + " characters long.");
      }
    } else if (EmailBody.isTooLong(rendered.body())) {
      throw ApiException.badRequest(
          "Your message is too long. Emails cannot be longer than "
              + EmailBody.MAX_BYTES
              + " bytes. Your message is "
              + EmailBody.utf8ByteLength(rendered.body())
              + " bytes.");
    }
  }
}
