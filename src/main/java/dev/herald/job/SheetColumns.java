package dev.herald.job;

import dev.herald.template.Placeholders;
import dev.herald.template.Renders;
import dev.herald.template.Template;
import dev.herald.template.TemplateType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file's header read against a template (notify-jobs.md §3.2): names matched ignoring case,
 * spaces, underscores and hyphens; the recipient columns of the template's type; the placeholders a
 * column must exist for; recipient columns given twice.
 */
final class SheetColumns {

  static final List<String> ADDRESS_LINES_1_TO_6_AND_POSTCODE = addressKeys("postcode");
  static final List<String> ADDRESS_LINES_1_TO_7 = addressKeys("addressline7");
  static final String REFERENCE = "reference";

  final TemplateType type;
  final List<String> header;
  final List<String> keys;
  final Set<String> recipientKeys;
  final Set<String> placeholderKeys;
  private final List<String> placeholders;

  SheetColumns(Template template, List<String> header) {
    this.type = TemplateType.fromWireName(template.type());
    this.header = List.copyOf(header);
    this.keys = header.stream().map(Placeholders::key).toList();
    this.recipientKeys = new LinkedHashSet<>(recipientColumns(type));
    this.placeholders = placeholders(template, type);
    this.placeholderKeys = new LinkedHashSet<>();
    placeholders.forEach(name -> placeholderKeys.add(Placeholders.key(name)));
    placeholderKeys.addAll(recipientKeys);
  }

  private static List<String> addressKeys(String last) {
    List<String> keys = new ArrayList<>();
    for (int line = 1; line <= 6; line++) {
      keys.add("addressline" + line);
    }
    keys.add(last);
    return List.copyOf(keys);
  }

  private static List<String> recipientColumns(TemplateType type) {
    return switch (type) {
      case EMAIL -> List.of("emailaddress");
      case SMS -> List.of("phonenumber");
      case LETTER -> {
        List<String> address = new ArrayList<>(ADDRESS_LINES_1_TO_6_AND_POSTCODE);
        address.add("addressline7");
        yield address;
      }
    };
  }

  /** A letter's address placeholders are left out: the address is checked as a whole. */
  private static List<String> placeholders(Template template, TemplateType type) {
    if (type == TemplateType.LETTER) {
      return Renders.placeholders(template);
    }
    return Placeholders.names(
        type == TemplateType.EMAIL ? template.subject() : null, template.content());
  }

  boolean isAddressColumn(String key) {
    return type == TemplateType.LETTER && recipientKeys.contains(key);
  }

  /** The column names, each once, in header order: what "Right now it has …" lists. */
  List<String> distinctNames() {
    return List.copyOf(new LinkedHashSet<>(header));
  }

  boolean hasRecipientColumns() {
    Set<String> present = Set.copyOf(keys);
    if (type != TemplateType.LETTER) {
      return present.containsAll(recipientKeys);
    }
    return present.stream().filter(ADDRESS_LINES_1_TO_6_AND_POSTCODE::contains).count() >= 3
        || present.stream().filter(ADDRESS_LINES_1_TO_7::contains).count() >= 3;
  }

  /** Every column name whose recipient key appears more than once, in header order. */
  List<String> duplicateRecipientColumns() {
    Map<String, Integer> counts = new HashMap<>();
    keys.stream()
        .filter(recipientKeys::contains)
        .forEach(key -> counts.merge(key, 1, Integer::sum));
    Set<String> duplicates = new LinkedHashSet<>();
    for (int column = 0; column < header.size(); column++) {
      if (counts.getOrDefault(keys.get(column), 0) > 1) {
        duplicates.add(header.get(column));
      }
    }
    return List.copyOf(duplicates);
  }

  /** Whether the columns raise none of the column banners: the rows can be read. */
  boolean fit() {
    return hasRecipientColumns()
        && duplicateRecipientColumns().isEmpty()
        && missingColumns().isEmpty();
  }

  /** The placeholders and recipient columns with no column, address columns exempt. */
  List<String> missingColumns() {
    Set<String> present = Set.copyOf(keys);
    List<String> missing = new ArrayList<>();
    for (String name : placeholders) {
      if (!present.contains(Placeholders.key(name))) {
        missing.add(name);
      }
    }
    if (type != TemplateType.LETTER && !present.containsAll(recipientKeys)) {
      missing.add(type == TemplateType.EMAIL ? "email address" : "phone number");
    }
    return List.copyOf(missing);
  }
}
