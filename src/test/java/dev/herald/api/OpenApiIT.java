package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

class OpenApiIT extends ApiIT {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void servesAnOpenApi3DocumentWithoutAuthentication() {
    Http.Response response = http.send("GET", "/openapi.json", null, null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.raw().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(response.json()).as("parses as JSON").isNotNull();
    assertThat(response.json().path("openapi").asString()).startsWith("3.");
    assertThat(response.json().path("paths").isObject()).isTrue();
  }

  @Test
  void documentsEveryV2AndAdminRouteWithItsMethod() {
    JsonNode paths = http.send("GET", "/openapi.json", null, null).json().path("paths");

    List<String> missing = new ArrayList<>();
    for (String route : routes()) {
      String[] methodAndPath = route.split(" ", 2);
      if (!paths.path(methodAndPath[1]).has(methodAndPath[0])) {
        missing.add(route);
      }
    }

    assertThat(routes()).as("routes found in Spring MVC").isNotEmpty();
    assertThat(missing).as("routes missing from openapi.json").isEmpty();
  }

  @Test
  void everyReferenceInsideTheDocumentResolves() {
    JsonNode document = http.send("GET", "/openapi.json", null, null).json();

    List<String> unresolved = new ArrayList<>();
    collectReferences(document, new TreeSet<>())
        .forEach(
            ref -> {
              if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(ref);
              }
            });

    assertThat(unresolved).isEmpty();
  }

  /** Every handler under /v2/ and /admin/ as {@code "get /v2/template/{id}"}. */
  private Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/v2/") || pattern.startsWith("/admin/")) {
          info.getMethodsCondition()
              .getMethods()
              .forEach(
                  method ->
                      routes.add(
                          method.name().toLowerCase(Locale.ROOT) + " " + withoutRegex(pattern)));
        }
      }
    }
    return routes;
  }

  /** {@code /v2/template/{id}/version/{version:\d+}} becomes {@code .../version/{version}}. */
  static String withoutRegex(String pattern) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean skipping = false;
    for (char c : pattern.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          skipping = false;
          out.append(c);
          continue;
        }
      } else if (c == ':' && depth == 1) {
        skipping = true;
      }
      if (!skipping) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Set<String> collectReferences(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
                  into.add(entry.getValue().asString());
                } else {
                  collectReferences(entry.getValue(), into);
                }
              });
    } else if (node.isArray()) {
      node.values().forEach(item -> collectReferences(item, into));
    }
    return into;
  }
}
