package dev.herald.recipient;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Real UK postcodes as Notify accepts them: a postcode area of Royal Mail's (the Channel Islands
 * and the Isle of Man included, and BF and BX for the forces and non-geographic codes), a district,
 * and an inward code whose letters are not C, I, K, M, O or V. Spaces and case do not matter;
 * {@code sw1a1aa} is written {@code SW1A 1AA}.
 */
public final class UkPostcodes {

  /** Royal Mail's postcode areas. */
  static final List<String> AREAS =
      List.of(
          "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA",
          "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL",
          "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA",
          "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW",
          "KY", "L", "GIR", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N",
          "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG",
          "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST",
          "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD",
          "WF", "WN", "WR", "WS", "WV", "YO", "ZE");

  private static final Pattern POSTCODE =
      Pattern.compile("(" + String.join("|", AREAS) + ")[0-9][0-9A-Z]?[0-9][A-BD-HJLNP-UW-Z]{2}");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private UkPostcodes() {}

  /** The postcode as Royal Mail sorts it ({@code SW1A 1AA}), if this is a real one. */
  public static Optional<String> formatted(String text) {
    String compact =
        WHITESPACE
            .matcher(Whitespace.stripAndRemoveObscure(text))
            .replaceAll("")
            .toUpperCase(Locale.ROOT);
    if (!POSTCODE.matcher(compact).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
  }
}
