package dev.herald.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the check of a file found, as the admin API answers it (snake_case, the page by kind). */
final class CheckView {

  private CheckView() {}

  static Map<String, Object> of(SheetCheck check) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("row_count", check.rowCount());
    view.put("max_rows", check.maxRows());
    view.put("too_many_rows", check.tooManyRows());
    view.put("column_headers", check.columnHeaders());
    view.put("has_recipient_columns", check.hasRecipientColumns());
    view.put("duplicate_recipient_columns", check.duplicateRecipientColumns());
    view.put("missing_columns", check.missingColumns());
    RowCounts rows = check.rows();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("with_errors", rows.withErrors());
    counts.put("bad_recipients", rows.badRecipients());
    counts.put("missing_data", rows.missingData());
    counts.put("messages_too_long", rows.messagesTooLong());
    counts.put("empty_messages", rows.emptyMessages());
    counts.put("qr_codes_too_long", rows.qrCodesTooLong());
    view.put("rows", counts);
    view.put("international_sms_count", check.internationalSmsCount());
    view.put("allowed_to_send_to", check.allowedToSendTo());
    view.put("page", page(check.page()));
    return view;
  }

  private static Map<String, Object> page(CheckPage page) {
    Map<String, Object> view = new LinkedHashMap<>();
    switch (page) {
      case CheckPage.ColumnErrors e -> {
        view.put("kind", "column_errors");
        view.put("banner", e.banner().name().toLowerCase(java.util.Locale.ROOT));
        view.put("heading", e.banner().heading());
        view.put("columns", e.columns());
      }
      case CheckPage.RowErrors e -> {
        view.put("kind", "row_errors");
        view.put("heading", e.heading());
        view.put("summary", e.summary());
        view.put("rows", rows(e.rows()));
        view.put("footnote", e.footnote());
      }
      case CheckPage.FileProblem e -> {
        view.put("kind", "file_problem");
        view.put("banner", e.banner().name().toLowerCase(java.util.Locale.ROOT));
        view.put("heading", e.heading());
        view.put("allowed", e.allowed());
        view.put("count", e.count());
      }
      case CheckPage.ReadyToSend e -> {
        view.put("kind", "ready_to_send");
        view.put("row_count", e.rowCount());
        view.put("rows", rows(e.rows()));
        view.put("preview", e.preview() == null ? null : row(e.preview()));
      }
    }
    return view;
  }

  private static List<Map<String, Object>> rows(List<SheetRow> rows) {
    List<Map<String, Object>> view = new ArrayList<>(rows.size());
    rows.forEach(row -> view.add(row(row)));
    return view;
  }

  /** A row as the page shows it: its spreadsheet row number is {@code index + 2}. */
  private static Map<String, Object> row(SheetRow row) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("index", row.index());
    view.put("row_number", row.index() + 2);
    List<Map<String, Object>> cells = new ArrayList<>(row.cells().size());
    for (SheetCell cell : row.cells()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("column", cell.column());
      c.put("value", cell.value());
      c.put("error", cell.error());
      c.put("ignored", cell.ignored());
      cells.add(c);
    }
    view.put("cells", cells);
    view.put("row_error", row.rowError());
    return view;
  }
}
