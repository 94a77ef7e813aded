package dev.herald.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Writes JSON values the way Python's {@code repr()} and {@code str()} show the parsed value. */
final class PythonRepr {

  private PythonRepr() {}

  static String repr(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "None";
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "True" : "False";
    }
    if (node.isString()) {
      return string(node.stringValue());
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return floating(node.doubleValue());
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.values().forEach(item -> items.add(repr(item)));
      return "[" + String.join(", ", items) + "]";
    }
    List<String> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      entries.add(string(entry.getKey()) + ": " + repr(entry.getValue()));
    }
    return "{" + String.join(", ", entries) + "}";
  }

  /** Python's {@code str()}: strings as they are, everything else as {@code repr()}. */
  static String str(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : repr(node);
  }

  static String string(String value) {
    char quote = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c == '\n') {
                out.append("\\n");
              } else if (c == '\r') {
                out.append("\\r");
              } else if (c == '\t') {
                out.append("\\t");
              } else if (isPrintable(c)) {
                out.appendCodePoint(c);
              } else if (c < 0x100) {
                out.append(String.format("\\x%02x", c));
              } else if (c < 0x10000) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append(String.format("\\U%08x", c));
              }
            });
    return out.append(quote).toString();
  }

  private static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  /** Python's shortest float repr: plain between 1e-4 and 1e16, else {@code 1e+16} style. */
  static String floating(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf"; // Python's json reads 1e400 as inf
    }
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    String sign = value < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = decimal.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
    return String.format(
        "%s%se%s%02d", sign, mantissa, exponent < 0 ? "-" : "+", Math.abs(exponent));
  }
}
