package dev.herald.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads an admin request body field by field, collecting every problem into one 400 ValidationError
 * in the v2 message style.
 */
public final class AdminInput {

  private final JsonNode body;
  private final Set<String> known = new LinkedHashSet<>();
  private final List<String> errors = new ArrayList<>();

  public AdminInput(JsonNode body) {
    this.body = body;
    if (!body.isObject()) {
      throw ApiException.validation("Request body must be a JSON object");
    }
  }

  public boolean has(String field) {
    known.add(field);
    return body.has(field) && !body.get(field).isNull();
  }

  public String string(String field, boolean required) {
    return text(field, required, true, Integer.MAX_VALUE);
  }

  /** A string of at most {@code maxLength} characters (after stripping outer whitespace). */
  public String string(String field, boolean required, int maxLength) {
    return text(field, required, true, maxLength);
  }

  /** A string that must not be echoed in an error (a token, a password). */
  public String secret(String field, boolean required, int maxLength) {
    return text(field, required, false, maxLength);
  }

  private String text(String field, boolean required, boolean echo, int maxLength) {
    if (!has(field)) {
      if (required) {
        errors.add(field + " is a required property");
      }
      return null;
    }
    JsonNode value = body.get(field);
    if (!value.isString()) {
      errors.add(field + (echo ? " " + value : "") + " is not of type string");
      return null;
    }
    if (required && value.asString().isBlank()) {
      errors.add(field + " must not be blank");
      return null;
    }
    if (value.asString().strip().length() > maxLength) {
      errors.add(field + " is longer than the maximum of " + maxLength + " characters");
      return null;
    }
    return value.asString();
  }

  public Boolean bool(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = body.get(field);
    if (!value.isBoolean()) {
      errors.add(field + " " + value + " is not of type boolean");
      return null;
    }
    return value.asBoolean();
  }

  /**
   * A whole number from {@code minimum} to {@code maximum}; one written with an exponent ({@code
   * 1e3}) counts if it is whole, and one beyond any Java type is compared as the number it is.
   */
  public Long number(String field, long minimum, long maximum) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = body.get(field);
    BigDecimal number = value.isNumber() ? exact(value) : null;
    if (number == null || number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      errors.add(field + " " + value + " is not of type integer");
      return null;
    }
    String echoed = value.isDouble() ? Double.toString(value.doubleValue()) : value.toString();
    if (number.compareTo(BigDecimal.valueOf(minimum)) < 0) {
      errors.add(field + " " + echoed + " is less than the minimum of " + minimum);
      return null;
    }
    if (number.compareTo(BigDecimal.valueOf(maximum)) > 0) {
      errors.add(field + " " + echoed + " is greater than the maximum of " + maximum);
      return null;
    }
    return number.longValueExact();
  }

  /** A JSON number's value; one too large for a double (1e400) as a number beyond any limit. */
  private static BigDecimal exact(JsonNode value) {
    if (value.isDouble() && Double.isInfinite(value.doubleValue())) {
      return BigDecimal.TEN.pow(400).multiply(BigDecimal.valueOf(Math.signum(value.doubleValue())));
    }
    return value.decimalValue();
  }

  /** An array of strings of at most {@code maxLength} characters each. */
  public List<String> strings(String field, int maxLength) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = body.get(field);
    List<String> result = new ArrayList<>();
    if (!value.isArray()) {
      errors.add(field + " " + value + " is not of type array");
      return null;
    }
    for (JsonNode item : value) {
      if (!item.isString()) {
        errors.add(field + " " + item + " is not of type string");
      } else if (item.asString().strip().length() > maxLength) {
        errors.add(field + " item is longer than the maximum of " + maxLength + " characters");
      } else {
        result.add(item.asString());
      }
    }
    return result;
  }

  public String oneOf(String field, boolean required, Set<String> allowed) {
    String value = string(field, required);
    if (value != null && !allowed.contains(value)) {
      errors.add(field + " " + abbreviated(value) + " is not one of " + new TreeSet<>(allowed));
      return null;
    }
    return value;
  }

  /** A value as echoed in an error: its first 100 characters, so a 1 MB value is not sent back. */
  public static String abbreviated(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }

  public void error(String message) {
    errors.add(message);
  }

  /** Throws the collected problems, including fields nobody asked for. */
  public void done() {
    List<String> unexpected = new ArrayList<>();
    body.propertyNames()
        .forEach(
            name -> {
              if (!known.contains(name)) {
                unexpected.add(name);
              }
            });
    if (!unexpected.isEmpty()) {
      errors.add(
          "Additional properties are not allowed ("
              + String.join(", ", unexpected)
              + (unexpected.size() == 1 ? " was" : " were")
              + " unexpected)");
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
  }
}
