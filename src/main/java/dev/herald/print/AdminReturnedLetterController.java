package dev.herald.print;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.notification.LetterReference;
import dev.herald.support.Uuids;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Returned letters on the admin API: {@code POST /admin/returned-letters} with the printer's list
 * ({@code references}, 16 characters of {@code [0-9A-Z]} each, and or {@code notification_ids}), at
 * most {@value #MAX_LETTERS} in one report; {@code GET /admin/services/{id}/returned-letters}
 * (letters a day, or one day's letters with {@code reported_at}).
 */
@RestController
class AdminReturnedLetterController {

  static final int MAX_LETTERS = 50_000;

  private final ReturnedLetters returned;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AdminReturnedLetterController(ReturnedLetters returned, JdbcClient jdbc, ObjectMapper json) {
    this.returned = returned;
    this.jdbc = jdbc;
    this.json = json;
  }

  @PostMapping("/admin/returned-letters")
  Map<String, Object> report(@RawBody byte[] body) {
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    List<String> references = orEmpty(in.strings("references", 100));
    List<String> idTexts = orEmpty(in.strings("notification_ids", 100));
    for (String reference : references) {
      if (!LetterReference.FORMAT.matcher(reference).matches()) {
        in.error(
            "references " + AdminInput.abbreviated(reference) + " does not match ^[0-9A-Z]{16}$");
      }
    }
    List<UUID> ids = new ArrayList<>();
    for (String text : idTexts) {
      Uuids.parse(text)
          .ifPresentOrElse(
              ids::add,
              () ->
                  in.error(
                      "notification_ids " + AdminInput.abbreviated(text) + " is not a valid UUID"));
    }
    if (references.size() + idTexts.size() == 0) {
      in.error("references or notification_ids must name at least one letter");
    }
    if (references.size() + idTexts.size() > MAX_LETTERS) {
      in.error("A report names at most " + MAX_LETTERS + " letters");
    }
    in.done();
    ReturnedLetters.Outcome outcome = returned.report(references, ids);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("references", references);
    answer.put("notification_ids", ids);
    answer.put("returned", outcome.returned());
    answer.put("already_returned", outcome.alreadyReturned());
    answer.put("not_printed", outcome.notPrinted());
    answer.put("unknown", outcome.unknown());
    return answer;
  }

  @GetMapping("/admin/services/{id}/returned-letters")
  Map<String, Object> list(
      @PathVariable String id,
      @RequestParam(name = "reported_at", required = false) String reportedAt) {
    UUID serviceId = Uuids.parse(id).orElseThrow(ApiException::noResultFound);
    if (reportedAt == null) {
      return Map.of(
          "returned_letter_summary",
          jdbc.sql(
                  """
                  SELECT reported_at, count(*) AS returned_letter_count FROM returned_letters
                   WHERE service_id = :service
                   GROUP BY reported_at ORDER BY reported_at DESC
                  """)
              .param("service", serviceId)
              .query(
                  (rs, i) ->
                      Map.<String, Object>of(
                          "reported_at", rs.getObject("reported_at").toString(),
                          "returned_letter_count", rs.getInt("returned_letter_count")))
              .list());
    }
    LocalDate day;
    try {
      day = LocalDate.parse(reportedAt);
    } catch (DateTimeParseException e) {
      throw ApiException.validation("reported_at is not a date (YYYY-MM-DD)");
    }
    return Map.of("returned_letters", returned.reportedOn(serviceId, day));
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
