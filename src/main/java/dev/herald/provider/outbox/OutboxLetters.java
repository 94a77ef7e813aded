package dev.herald.provider.outbox;

import dev.herald.letter.LetterFiles;
import dev.herald.letter.LetterPdfMade;
import dev.herald.support.Uuids;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Letters on the outbox: each one whose PDF Herald made (no print provider takes letters yet), with
 * its PDF at {@code /outbox/letters/{id}.pdf}, a download.
 */
@Controller
class OutboxLetters {

  private final Outbox outbox;
  private final LetterFiles files;

  OutboxLetters(Outbox outbox, LetterFiles files) {
    this.outbox = outbox;
    this.files = files;
  }

  @EventListener
  void made(LetterPdfMade letter) {
    outbox.addLetter(
        new Outbox.Message(
            letter.notificationId(),
            "letter",
            null,
            String.join("\n", letter.address()),
            letter.subject(),
            null,
            letter.pages() + (letter.pages() == 1 ? " page, " : " pages, ") + letter.status(),
            "/outbox/letters/" + letter.notificationId() + ".pdf",
            letter.at()),
        letter.expiresOn());
  }

  @GetMapping("/outbox/letters/{id}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    UUID notificationId = Uuids.parse(id).orElse(null);
    byte[] pdf =
        notificationId == null
            ? null
            : outbox
                .letterDay(notificationId)
                .flatMap(day -> files.get(day, notificationId, LetterFiles.Kind.RENDERED))
                .orElse(null);
    if (pdf == null) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(id + ".pdf").build().toString())
        .body(pdf);
  }
}
