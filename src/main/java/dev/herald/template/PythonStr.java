package dev.herald.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Converts JSON values to text the way Python's {@code str()} does, as Notify stores them. */
public final class PythonStr {

  private PythonStr() {}

  /** The text Python's {@code str(value)} gives. */
  public static String of(Object value) {
    return switch (value) {
      case null -> "None";
      case String text -> text;
      case Boolean bool -> bool ? "True" : "False";
      case Double number -> ofDouble(number);
      case Float number -> ofDouble(number.doubleValue());
      case BigDecimal number -> ofDouble(number.doubleValue());
      case Number number -> new BigInteger(number.toString()).toString();
      case List<?> list ->
          list.stream().map(PythonStr::repr).collect(Collectors.joining(", ", "[", "]"));
      case Map<?, ?> map ->
          map.entrySet().stream()
              .map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
              .collect(Collectors.joining(", ", "{", "}"));
      default -> value.toString();
    };
  }

  static String repr(Object value) {
    if (value instanceof String text) {
      boolean useDouble = text.contains("'") && !text.contains("\"");
      char quote = useDouble ? '"' : '\'';
      String escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
      escaped = escaped.replace("\t", "\\t");
      if (!useDouble) {
        escaped = escaped.replace("'", "\\'");
      }
      return quote + escaped + quote;
    }
    return of(value);
  }

  /** Python's float repr: shortest digits, scientific notation below 1e-4 and from 1e16. */
  static String ofDouble(double number) {
    if (Double.isNaN(number)) {
      return "nan";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? "inf" : "-inf";
    }
    if (number == 0) {
      return (1 / number < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(number)).stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = shortest.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = shortest.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = number < 0 ? "-" : "";
    String exponentSign = exponent < 0 ? "-" : "+";
    return sign + mantissa + "e" + exponentSign + String.format("%02d", Math.abs(exponent));
  }
}
