package dev.herald.job;

import dev.herald.recipient.Whitespace;
import dev.herald.template.Placeholders;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data row's values by column name, built as Notify builds its row: each cell cleaned of
 * whitespace and empty as null; a repeated recipient column's last value, a repeated other column's
 * values as a list; then one entry per key, the last of the names that differ only in case or
 * spacing winning.
 */
final class RowValues {

  private final SheetColumns columns;
  private final Map<String, Object> byName;

  private RowValues(SheetColumns columns, Map<String, Object> byName) {
    this.columns = columns;
    this.byName = byName;
  }

  static RowValues of(SheetColumns columns, List<String> raw) {
    Map<String, Object> byName = new LinkedHashMap<>();
    for (int column = 0; column < columns.header.size(); column++) {
      String name = columns.header.get(column);
      String value = column < raw.size() ? clean(raw.get(column)) : null;
      if (columns.recipientKeys.contains(columns.keys.get(column)) || !byName.containsKey(name)) {
        byName.put(name, value);
      } else {
        byName.put(name, appended(byName.get(name), value));
      }
    }
    Map<String, Map.Entry<String, Object>> byKey = new LinkedHashMap<>();
    byName.forEach(
        (name, value) -> byKey.put(Placeholders.key(name), new SimpleEntry<>(name, value)));
    Map<String, Object> values = new LinkedHashMap<>();
    byKey.values().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
    return new RowValues(columns, values);
  }

  /** Every value by column name, for rendering the template. */
  Map<String, Object> all() {
    return Collections.unmodifiableMap(byName);
  }

  /** The first recipient column's value ({@code row.recipient} for email and text messages). */
  Object recipient() {
    for (Map.Entry<String, Object> entry : byName.entrySet()) {
      if (columns.recipientKeys.contains(Placeholders.key(entry.getKey()))) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The recipient and placeholder columns: what a notification made from the row carries. */
  Map<String, Object> personalisation() {
    Map<String, Object> personalisation = new LinkedHashMap<>();
    byName.forEach(
        (name, value) -> {
          if (columns.placeholderKeys.contains(Placeholders.key(name))) {
            personalisation.put(name, value);
          }
        });
    return Collections.unmodifiableMap(personalisation);
  }

  /** The address columns under the keys {@code PostalAddress.fromPersonalisation} reads. */
  Map<String, Object> addressLines() {
    Map<String, Object> lines = new LinkedHashMap<>();
    byName.forEach(
        (name, value) -> {
          String key = Placeholders.key(name);
          if (columns.recipientKeys.contains(key)) {
            lines.put(key.equals("postcode") ? key : "address_line_" + key.substring(11), value);
          }
        });
    return lines;
  }

  String reference() {
    for (Map.Entry<String, Object> entry : byName.entrySet()) {
      if (Placeholders.key(entry.getKey()).equals(SheetColumns.REFERENCE)) {
        return text(entry.getValue());
      }
    }
    return null;
  }

  /** A value as one text: a repeated column's values joined with ", ". */
  static String text(Object value) {
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(item == null ? "" : (String) item));
      return String.join(", ", items);
    }
    return (String) value;
  }

  private static Object appended(Object existing, String value) {
    List<String> list = new ArrayList<>();
    if (existing instanceof List<?> earlier) {
      earlier.forEach(item -> list.add((String) item));
    } else {
      list.add((String) existing);
    }
    list.add(value);
    return list;
  }

  private static String clean(String cell) {
    String value = Whitespace.stripAndRemoveObscure(cell);
    return value.isEmpty() ? null : value;
  }
}
