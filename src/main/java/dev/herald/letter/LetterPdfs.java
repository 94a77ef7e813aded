package dev.herald.letter;

import dev.herald.letter.LetterFiles.Kind;
import dev.herald.letter.LetterRepository.ToRender;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.recipient.PostalAddress;
import dev.herald.support.Timestamps;
import dev.herald.template.LetterBody;
import dev.herald.template.Personalisations;
import dev.herald.template.RenderedTemplate;
import dev.herald.template.Renders;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import dev.herald.template.TemplateRenderer;
import dev.herald.template.TemplateType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * Makes a letter's PDF ({@value #TASK} task, one per letter, queued with it); a precompiled one is
 * checked instead ({@link PrecompiledLetters}). A templated letter's is rendered and stored, then
 * its pages and sheets are recorded. Over {@value #MAX_PAGES} pages it fails validation ({@code
 * letter-too-long}); a test key's letter is delivered. A letter is made once: a second run finds
 * its pages recorded and does nothing, and one interrupted between storing and recording stores the
 * same file again.
 */
@Component
class LetterPdfs {

  static final String TASK = NotificationRepository.LETTER_PDF_TASK;
  static final int MAX_PAGES = 10;
  static final String TOO_LONG = "letter-too-long";
  private static final Set<NotificationStatus> WAITING =
      EnumSet.of(
          NotificationStatus.CREATED,
          NotificationStatus.SENDING,
          NotificationStatus.PENDING_VIRUS_CHECK);

  // Rendering is all CPU: more at once than there are cores only takes longer for each.
  private final Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors());
  private final LetterRepository letters;
  private final PrecompiledLetters precompiled;
  private final TemplateCache templates;
  private final LetterFiles files;
  private final ObjectMapper json;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  LetterPdfs(
      LetterRepository letters,
      PrecompiledLetters precompiled,
      TemplateCache templates,
      LetterFiles files,
      ObjectMapper json,
      Clock clock,
      ApplicationEventPublisher events) {
    this.letters = letters;
    this.precompiled = precompiled;
    this.templates = templates;
    this.files = files;
    this.json = json;
    this.clock = clock;
    this.events = events;
  }

  /** A task instance, {@code <id>/<expiry day>}: the day finds the letter's partition. */
  private record Instance(UUID id, LocalDate expiresOn) {

    static Instance parse(String instance) {
      int slash = instance.indexOf('/');
      return new Instance(
          UUID.fromString(instance.substring(0, slash)),
          LocalDate.parse(instance.substring(slash + 1)));
    }
  }

  void make(String instance) {
    Instance task = Instance.parse(instance);
    UUID id = task.id();
    LocalDate expiresOn = task.expiresOn();
    ToRender letter = letters.toRender(id, expiresOn).orElse(null);
    if (letter == null || letter.pageCount() != null || !WAITING.contains(letter.status())) {
      return;
    }
    if (letter.status() == NotificationStatus.PENDING_VIRUS_CHECK) {
      precompiled.process(letter, cores);
      return;
    }
    List<LetterPdf.Page> parts = parts(letter);
    LetterPdf.Page page = parts.getLast();
    LetterPdf.Rendered rendered = render(parts);
    files.put(expiresOn, id, Kind.RENDERED, rendered.pdf());
    int pages = rendered.pages();
    boolean tooLong = pages > MAX_PAGES;
    boolean test = "test".equals(letter.keyType());
    NotificationStatus status =
        tooLong
            ? NotificationStatus.VALIDATION_FAILED
            : test ? NotificationStatus.DELIVERED : letter.status();
    Instant now = clock.instant();
    if (letters.recordPdf(
        id,
        expiresOn,
        pages,
        tooLong || test ? 0 : (pages + 1) / 2,
        status,
        tooLong ? TOO_LONG : null,
        now)) {
      events.publishEvent(
          new LetterPdfMade(
              id,
              expiresOn,
              page.addressLines(),
              HtmlUtils.htmlUnescape(page.subjectHtml()),
              pages,
              status.value(),
              now));
    }
  }

  /** After its last attempt a letter without a PDF is a technical failure. */
  void gaveUp(String instance) {
    Instance task = Instance.parse(instance);
    letters.failed(task.id(), task.expiresOn(), clock.instant());
  }

  /**
   * What the letter prints: its English text, or for a bilingual letter its Welsh text first (with
   * the NOTIFY tag) then its English, each part numbered on its own, as Notify prints them.
   */
  private List<LetterPdf.Page> parts(ToRender letter) {
    Template template =
        templates
            .version(letter.serviceId(), letter.templateId(), letter.templateVersion())
            .orElseThrow(
                () -> new IllegalStateException("No template version for letter " + letter.id()));
    Map<String, Object> personalisation =
        Personalisations.fromJson(json, letter.personalisationJson());
    List<String> address =
        PostalAddress.fromPersonalisation(Personalisations.asText(personalisation), true)
            .normalisedLines();
    String contactBlock = LetterBody.contactBlock(letter.contactBlock(), personalisation);
    LocalDate date = Timestamps.londonDate(letter.createdAt());
    boolean bilingual = template.welsh() != null;
    // The first part printed carries the NOTIFY tag: the Welsh one of a bilingual letter.
    BiFunction<RenderedTemplate, LetterPdf.Language, LetterPdf.Page> part =
        (text, language) ->
            new LetterPdf.Page(
                address,
                contactBlock,
                date,
                LetterBody.subject(text.subject()),
                LetterBody.html(text.body(), QrCodes::image),
                language,
                bilingual == (language == LetterPdf.Language.WELSH));
    LetterPdf.Page english =
        part.apply(Renders.render(template, personalisation), LetterPdf.Language.ENGLISH);
    if (!bilingual) {
      return List.of(english);
    }
    RenderedTemplate welsh =
        TemplateRenderer.render(
            TemplateType.LETTER,
            template.welsh().subject(),
            template.welsh().content(),
            personalisation);
    return List.of(part.apply(welsh, LetterPdf.Language.WELSH), english);
  }

  private LetterPdf.Rendered render(List<LetterPdf.Page> parts) {
    cores.acquireUninterruptibly();
    try {
      return LetterPdf.render(parts);
    } finally {
      cores.release();
    }
  }
}
