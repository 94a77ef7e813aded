package dev.herald.template;

import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.QueryParameters;
import dev.herald.api.RawBody;
import dev.herald.api.RequestValidator;
import dev.herald.auth.AuthenticatedKey;
import dev.herald.support.Uuids;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The v2 template endpoints: one template, one version, the list, and a preview. */
@RestController
class V2TemplateController {

  private static final RequestValidator LIST =
      RequestValidator.forSchema("schemas/get_templates_request.json");

  private static final RequestValidator PREVIEW =
      RequestValidator.forSchema("schemas/post_template_preview_request.json");

  private final TemplateRepository templates;
  private final ObjectMapper json;

  V2TemplateController(TemplateRepository templates, ObjectMapper json) {
    this.templates = templates;
    this.json = json;
  }

  @GetMapping("/v2/template/{id}")
  V2Template get(AuthenticatedKey key, @PathVariable String id) {
    return V2Template.of(latest(key, id));
  }

  @GetMapping("/v2/template/{id}/version/{version:\\d+}")
  V2Template version(AuthenticatedKey key, @PathVariable String id, @PathVariable String version) {
    UUID templateId = templateId(id);
    int number = parseVersion(version);
    Template template =
        (number == 0
                ? templates.findLatest(key.serviceId(), templateId)
                : templates.findVersion(key.serviceId(), templateId, number))
            .orElseThrow(ApiException::noResultFound);
    return V2Template.of(template);
  }

  @GetMapping("/v2/templates")
  Map<String, List<V2Template>> list(
      AuthenticatedKey key, @RequestParam MultiValueMap<String, String> query) {
    JsonNode params = QueryParameters.toJson(query, List.of());
    List<String> errors = LIST.validate(params);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    String type = params.has("type") ? params.get("type").asString() : null;
    return Map.of(
        "templates", templates.list(key.serviceId(), type).stream().map(V2Template::of).toList());
  }

  @PostMapping("/v2/template/{id}/preview")
  V2Preview preview(AuthenticatedKey key, @PathVariable String id, @RawBody byte[] body) {
    Template template = latest(key, id);
    JsonNode request = JsonBodies.parseOrEmpty(json, body);
    if (request.isObject()) {
      ObjectNode withId = ((ObjectNode) request).deepCopy();
      withId.put("id", id);
      List<String> errors = PREVIEW.validate(withId);
      if (!errors.isEmpty()) {
        throw ApiException.validation(errors);
      }
    }
    JsonNode personalisation = request.isObject() ? request.get("personalisation") : null;
    Map<String, Object> values = Personalisations.fromJson(json, personalisation);
    return V2Preview.of(template, Renders.checked(template, values));
  }

  private Template latest(AuthenticatedKey key, String id) {
    return templates
        .findLatest(key.serviceId(), templateId(id))
        .orElseThrow(ApiException::noResultFound);
  }

  private static UUID templateId(String id) {
    return Uuids.parse(id).orElseThrow(() -> ApiException.validation("id is not a valid UUID"));
  }

  private static int parseVersion(String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw ApiException.noResultFound();
    }
  }
}
