package dev.herald.document;

import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.support.SecretBox;
import dev.herald.support.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The recipient's side of send-a-file: {@code GET /d/{service}/{document}?key=…} serves the file,
 * or first asks for the recipient's email address when the sender asked for that.
 */
@RestController
class DownloadController {

  /** A served file is never a document of Herald's origin: no script, no plugin, no form. */
  static final String FILE_POLICY = "default-src 'none'; sandbox";

  /** The pages are plain HTML whose only action is the confirm form posting back to Herald. */
  static final String PAGE_POLICY =
      "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final DocumentRepository documents;
  private final Clock clock;

  DownloadController(DocumentRepository documents, Clock clock) {
    this.documents = documents;
    this.clock = clock;
  }

  @GetMapping("/d/{serviceId}/{documentId}")
  ResponseEntity<?> open(
      @PathVariable String serviceId,
      @PathVariable String documentId,
      @RequestParam(required = false) String key) {
    Optional<StoredDocument> document = find(serviceId, documentId);
    if (document.isEmpty() || key == null) {
      return gone();
    }
    if (document.get().confirmEmailHash() != null) {
      return page(HttpStatus.OK, confirmForm(key, false));
    }
    return serve(document.get(), key);
  }

  @PostMapping("/d/{serviceId}/{documentId}")
  ResponseEntity<?> confirm(
      @PathVariable String serviceId,
      @PathVariable String documentId,
      @RequestParam(required = false) String key,
      @RequestParam(name = "email_address", required = false) String email) {
    Optional<StoredDocument> document = find(serviceId, documentId);
    if (document.isEmpty() || key == null) {
      return gone();
    }
    StoredDocument d = document.get();
    if (d.confirmEmailHash() != null && !emailMatches(d, email)) {
      return page(HttpStatus.FORBIDDEN, confirmForm(key, true));
    }
    return serve(d, key);
  }

  private Optional<StoredDocument> find(String serviceId, String documentId) {
    Optional<UUID> service = Uuids.parse(serviceId);
    Optional<UUID> id = Uuids.parse(documentId);
    if (service.isEmpty() || id.isEmpty()) {
      return Optional.empty();
    }
    return documents.find(service.get(), id.get(), clock.instant());
  }

  private static boolean emailMatches(StoredDocument d, String email) {
    try {
      return email != null
          && DownloadCheck.matches(d.confirmEmailHash(), d.id(), EmailAddresses.normalise(email));
    } catch (InvalidRecipientException e) {
      return false;
    }
  }

  private static ResponseEntity<?> serve(StoredDocument d, String key) {
    byte[] content;
    try {
      content = SecretBox.withKey(Base64.getUrlDecoder().decode(key)).open(d.content());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return gone();
    }
    // Types from before the allowed list was enforced are still downloaded, never rendered.
    boolean allowed = FileTypes.allowed(d.mimetype());
    String filename = d.filename();
    if (filename == null) {
      filename = allowed ? "file." + FileTypes.extension(d.mimetype()) : "file";
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(
        allowed ? MediaType.parseMediaType(d.mimetype()) : MediaType.APPLICATION_OCTET_STREAM);
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
    headers.set("Content-Security-Policy", FILE_POLICY);
    privateHeaders(headers);
    return new ResponseEntity<>(content, headers, HttpStatus.OK);
  }

  /** The key is in the address: it must not travel on in a Referer, nor the page be indexed. */
  private static void privateHeaders(HttpHeaders headers) {
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Robots-Tag", "noindex, nofollow");
  }

  private static ResponseEntity<?> gone() {
    return page(
        HttpStatus.NOT_FOUND,
        "<h1>This file is not available</h1><p>The link may have expired.</p>");
  }

  private static String confirmForm(String key, boolean failed) {
    return "<h1>Confirm your email address</h1>"
        + (failed ? "<p>That is not the email address this file was sent to.</p>" : "")
        + "<form method=\"post\" action=\"?key="
        + HtmlUtils.htmlEscape(key)
        + "\">"
        + "<label for=\"email_address\">Email address</label> "
        + "<input id=\"email_address\" name=\"email_address\" type=\"email\" autocomplete=\"email\"> "
        + "<button type=\"submit\">Continue</button></form>";
  }

  private static ResponseEntity<?> page(HttpStatus status, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_HTML);
    headers.set("Content-Security-Policy", PAGE_POLICY);
    privateHeaders(headers);
    return ResponseEntity.status(status)
        .headers(headers)
        .body(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Download a file</title></head><body>"
                + body
                + "</body></html>");
  }
}
