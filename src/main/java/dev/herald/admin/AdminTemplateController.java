package dev.herald.admin;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.service.LetterContactRepository;
import dev.herald.service.Service;
import dev.herald.stats.ServiceStatistics;
import dev.herald.support.Ids;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import dev.herald.template.TemplateRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Creates, shows, edits (each edit a new version) and archives templates. */
@RestController
class AdminTemplateController {

  private static final Set<String> TYPES = Set.of("email", "sms", "letter");
  private static final Set<String> POSTAGE = Set.of("first", "second", "economy");
  private static final Set<String> LANGUAGES = Set.of("english", "welsh_then_english");

  private final AdminServices services;
  private final TemplateRepository templates;
  private final TemplateCache cache;
  private final LetterContactRepository contacts;
  private final ServiceStatistics statistics;
  private final ObjectMapper json;
  private final Clock clock;

  AdminTemplateController(
      AdminServices services,
      TemplateRepository templates,
      TemplateCache cache,
      LetterContactRepository contacts,
      ServiceStatistics statistics,
      ObjectMapper json,
      Clock clock) {
    this.services = services;
    this.templates = templates;
    this.cache = cache;
    this.contacts = contacts;
    this.statistics = statistics;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/admin/services/{id}/templates/{templateId}")
  Map<String, Object> show(@PathVariable String id, @PathVariable String templateId) {
    return view(existing(id, templateId));
  }

  @PostMapping("/admin/services/{id}/templates")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> create(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String name = in.string("name", true, 255);
    String type = in.oneOf("template_type", true, TYPES);
    Fields fields = fields(in, type, service);
    if (fields.content == null) {
      in.error("content is a required property");
    }
    if (fields.needsSubject && fields.subject == null) {
      in.error("subject is a required property");
    }
    Template.Welsh welsh = welsh(in, type, fields, null);
    in.done();
    Instant now = clock.instant();
    Template template =
        new Template(
            Ids.random(),
            service.id(),
            name.strip(),
            type,
            fields.subject,
            fields.content,
            fields.letterContactBlock,
            "letter".equals(type) ? fields.postageOr("second") : null,
            false,
            false,
            1,
            fields.createdBy,
            now,
            null,
            welsh);
    templates.insert(template);
    return view(template);
  }

  @PutMapping("/admin/services/{id}/templates/{templateId}")
  Map<String, Object> update(
      @PathVariable String id, @PathVariable String templateId, @RawBody byte[] body) {
    Service service = services.require(id);
    Template current = existing(id, templateId);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String name = in.string("name", false, 255);
    in.has("template_type");
    Fields fields = fields(in, current.type(), service);
    Template.Welsh welsh = welsh(in, current.type(), fields, current.welsh());
    in.done();
    Template edited =
        current.edited(
            name == null ? current.name() : name.strip(),
            fields.subject == null ? current.subject() : fields.subject,
            fields.content == null ? current.content() : fields.content,
            fields.letterContactBlock == null
                ? current.letterContactBlock()
                : fields.letterContactBlock,
            fields.postage == null ? current.postage() : fields.postage,
            welsh,
            clock.instant());
    templates.update(edited);
    cache.evict(edited.id());
    return view(edited);
  }

  @PostMapping("/admin/services/{id}/templates/{templateId}/archive")
  Map<String, Object> archive(@PathVariable String id, @PathVariable String templateId) {
    Template current = existing(id, templateId);
    Template archived = current.archived() ? current : current.archivedAt(clock.instant());
    if (archived != current) {
      templates.update(archived);
      cache.evict(archived.id());
    }
    return view(archived);
  }

  private Template existing(String serviceId, String templateId) {
    Service service = services.require(serviceId);
    return Uuids.parse(templateId)
        .flatMap(t -> templates.findLatest(service.id(), t))
        .orElseThrow(ApiException::noResultFound);
  }

  /**
   * The fields a template takes; {@code letter_contact_id}, one of the service's contact blocks,
   * gives the version that block's text, as {@code letter_contact_block} gives it text directly.
   */
  private Fields fields(AdminInput in, String type, Service service) {
    boolean needsSubject = "email".equals(type) || "letter".equals(type);
    String subject = in.string("subject", false);
    String content = in.string("content", false);
    String letterContactBlock = in.string("letter_contact_block", false);
    String letterContactId = in.string("letter_contact_id", false, 100);
    if (letterContactId != null) {
      if (letterContactBlock != null) {
        in.error("Give letter_contact_block or letter_contact_id, not both");
      } else {
        letterContactBlock =
            Uuids.parse(letterContactId)
                .flatMap(contact -> contacts.find(service.id(), contact))
                .map(LetterContactRepository.LetterContact::contactBlock)
                .orElse(null);
        if (letterContactBlock == null) {
          in.error(
              "letter_contact_id "
                  + AdminInput.abbreviated(letterContactId)
                  + " does not exist in database for service id "
                  + service.id());
        }
      }
    }
    String postage = in.oneOf("postage", false, POSTAGE);
    String createdBy = in.string("created_by", false, 255);
    String languages = in.oneOf("letter_languages", false, LANGUAGES);
    String welshSubject = in.string("letter_welsh_subject", false);
    String welshContent = in.string("letter_welsh_content", false);
    return new Fields(
        subject,
        content,
        letterContactBlock,
        postage,
        createdBy,
        needsSubject,
        languages,
        welshSubject,
        welshContent);
  }

  /**
   * A letter's Welsh text: with {@code letter_languages} {@code welsh_then_english} (given now, or
   * the template's already) its subject and content, given or kept; {@code english} drops them.
   */
  private static Template.Welsh welsh(
      AdminInput in, String type, Fields fields, Template.Welsh current) {
    boolean welshGiven = fields.welshSubject != null || fields.welshContent != null;
    if (!"letter".equals(type)) {
      if (fields.languages != null || welshGiven) {
        in.error("letter_languages, letter_welsh_subject and letter_welsh_content are for letters");
      }
      return null;
    }
    boolean bilingual =
        fields.languages == null ? current != null : fields.languages.equals("welsh_then_english");
    if (!bilingual) {
      if (welshGiven) {
        in.error(
            "letter_welsh_subject and letter_welsh_content need letter_languages"
                + " welsh_then_english");
      }
      return null;
    }
    String subject =
        fields.welshSubject != null
            ? fields.welshSubject
            : current == null ? null : current.subject();
    String content =
        fields.welshContent != null
            ? fields.welshContent
            : current == null ? null : current.content();
    if (subject == null) {
      in.error("letter_welsh_subject is a required property");
    }
    if (content == null) {
      in.error("letter_welsh_content is a required property");
    }
    return new Template.Welsh(subject, content);
  }

  private Map<String, Object> view(Template t) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", t.id());
    view.put("name", t.name());
    view.put("template_type", t.type());
    view.put("subject", t.subject());
    view.put("content", t.content());
    view.put("letter_contact_block", t.letterContactBlock());
    view.put("postage", t.postage());
    if ("letter".equals(t.type())) {
      view.put("letter_languages", t.welsh() == null ? "english" : t.letterLanguages());
      view.put("letter_welsh_subject", t.welsh() == null ? null : t.welsh().subject());
      view.put("letter_welsh_content", t.welsh() == null ? null : t.welsh().content());
    }
    view.put("archived", t.archived());
    view.put("version", t.version());
    view.put("created_at", Timestamps.format(t.createdAt()));
    view.put("updated_at", Timestamps.format(t.updatedAt()));
    view.put("last_used_at", Timestamps.format(statistics.lastUsed(t.id()).orElse(null)));
    return view;
  }

  private record Fields(
      String subject,
      String content,
      String letterContactBlock,
      String postage,
      String createdBy,
      boolean needsSubject,
      String languages,
      String welshSubject,
      String welshContent) {
    String postageOr(String fallback) {
      return postage == null ? fallback : postage;
    }
  }
}
