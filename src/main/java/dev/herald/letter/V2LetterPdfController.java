package dev.herald.letter;

import dev.herald.api.ApiException;
import dev.herald.auth.AuthenticatedKey;
import dev.herald.files.ObjectStoreException;
import dev.herald.notification.Notification;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.support.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/notifications/{id}/pdf}: a letter's PDF, checked in Notify's order (contract
 * §4.5), as a download, never shown from Herald's origin.
 */
@RestController
class V2LetterPdfController {

  private static final Supplier<ApiException> NOT_READY =
      () -> new ApiException(400, "PDFNotReadyError", "PDF not available yet, try again later");

  private final NotificationRepository notifications;
  private final LetterFiles files;

  V2LetterPdfController(NotificationRepository notifications, LetterFiles files) {
    this.notifications = notifications;
    this.files = files;
  }

  @GetMapping("/v2/notifications/{id}/pdf")
  ResponseEntity<byte[]> pdf(AuthenticatedKey key, @PathVariable String id) {
    // With its personal data: after retention the letter is gone for /pdf too (404), as in Notify.
    Notification n =
        notifications
            .find(
                key.serviceId(),
                Uuids.parse(id)
                    .orElseThrow(
                        () -> ApiException.validation("notification_id is not a valid UUID")))
            .orElseThrow(ApiException::noResultFound)
            .notification();
    if (!"letter".equals(n.type())) {
      throw ApiException.badRequest("Notification is not a letter");
    }
    switch (n.status()) {
      case VIRUS_SCAN_FAILED -> throw ApiException.badRequest("File did not pass the virus scan");
      case TECHNICAL_FAILURE ->
          throw ApiException.badRequest(
              "PDF not available for letters in status technical-failure");
      case PENDING_VIRUS_CHECK -> throw NOT_READY.get();
      default -> {}
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(n.id() + ".pdf").build().toString())
        .body(read(n));
  }

  /**
   * The file a reader gets: a templated letter's rendering; a precompiled letter's sanitised copy,
   * or, when it failed validation, the PDF as it was sent (notify-letters.md §2.4).
   */
  private byte[] read(Notification n) {
    List<LetterFiles.Kind> kinds =
        n.status() == NotificationStatus.VALIDATION_FAILED
            ? List.of(LetterFiles.Kind.RENDERED, LetterFiles.Kind.ORIGINAL)
            : List.of(LetterFiles.Kind.RENDERED, LetterFiles.Kind.SANITISED);
    try {
      for (LetterFiles.Kind kind : kinds) {
        Optional<byte[]> pdf = files.get(n.expiresOn(), n.id(), kind);
        if (pdf.isPresent()) {
          return pdf.get();
        }
      }
      throw NOT_READY.get();
    } catch (ObjectStoreException storeDown) {
      throw NOT_READY.get();
    }
  }
}
