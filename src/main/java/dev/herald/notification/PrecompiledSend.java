package dev.herald.notification;

import dev.herald.api.ApiException;
import dev.herald.files.ObjectStoreException;
import dev.herald.support.Ids;
import dev.herald.template.Template;
import dev.herald.template.TemplateRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The precompiled half of {@code POST /v2/notifications/letter}, after the checks both halves
 * share: the PDF kept as sent, then the letter stored.
 */
@Component
class PrecompiledSend {

  private static final Logger log = LoggerFactory.getLogger(PrecompiledSend.class);

  private final TemplateRepository templates;
  private final LetterOriginals originals;
  private final SendStore store;
  private final Clock clock;

  PrecompiledSend(
      TemplateRepository templates, LetterOriginals originals, SendStore store, Clock clock) {
    this.templates = templates;
    this.originals = originals;
    this.store = store;
    this.clock = clock;
  }

  /** The personalisation and recipient of a precompiled letter until its PDF is read. */
  static final String PROVIDED_AS_PDF = "Provided as PDF";

  /**
   * A precompiled letter (notify-letters.md §1.2): the PDF decoded and kept as sent, then the
   * letter stored {@code pending-virus-check} from the service's hidden "Pre-compiled PDF"
   * template, its task queued to scan, check and read it. The answer is {@code {id, reference,
   * postage}}.
   */
  Map<String, Object> accept(SendRequest request) {
    byte[] pdf = decodeLetterContent(request.text("content"));
    Instant now = clock.instant();
    Template template = templates.precompiled(request.service().id(), now);
    Map<String, Object> personalisation = Map.of("address_line_1", PROVIDED_AS_PDF);
    SendRequest letter =
        new SendRequest(
            request.key(), request.service(), "letter", request.body(), template, personalisation);
    String postage = request.text("postage") == null ? "second" : request.text("postage");
    UUID id = Ids.timeOrdered();
    LocalDate expiresOn = store.letterExpiresOn(letter, now);
    try {
      originals.store(expiresOn, id, pdf);
    } catch (ObjectStoreException e) {
      log.warn("Precompiled letter {} refused: its PDF could not be stored: {}", id, e.toString());
      throw new ApiException(
          503, "ServiceUnavailableError", "Herald cannot store the letter's PDF; try again");
    }
    Recipient recipient = new Recipient(PROVIDED_AS_PDF, "providedaspdf", false, null, false);
    store.acceptPrecompiled(id, letter, recipient, postage, now, expiresOn);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.put("reference", request.text("reference"));
    answer.put("postage", postage);
    return answer;
  }

  /**
   * Base64 as Notify's Python decodes it: characters outside the alphabet are left out, and what is
   * left must be whole groups of four (else "Incorrect padding").
   */
  static byte[] decodeLetterContent(String content) {
    StringBuilder kept = new StringBuilder(content.length());
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/'
          || c == '=') {
        kept.append(c);
      }
    }
    try {
      if (kept.length() % 4 != 0) {
        throw new IllegalArgumentException("incorrect padding");
      }
      return Base64.getDecoder().decode(kept.toString());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Cannot decode letter content (invalid base64 encoding)");
    }
  }
}
