package dev.herald.recipient;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The countries and territories a letter's last line may name, each with its name as printed and
 * its Royal Mail postage zone. Names are ISO 3166's as the JDK writes them in British English (with
 * Notify's spellings where they differ and are well known), plus common other names: {@code USA},
 * {@code Holland}, {@code Cymru}. Case, spaces, punctuation, accents and a leading "the" do not
 * matter. Notify reads the GOV.UK country register, which has more synonyms than this list.
 */
public final class Countries {

  public static final String UK = "United Kingdom";

  /** A country as printed on a letter, and where the post it gets goes. */
  public record Country(String name, PostalZone zone) {

    public boolean isUk() {
      return UK.equals(name);
    }
  }

  /** Royal Mail's zones, as Notify's postage values. */
  public enum PostalZone {
    UK("uk"),
    EUROPE("europe"),
    REST_OF_WORLD("rest-of-world");

    private final String postage;

    PostalZone(String postage) {
      this.postage = postage;
    }

    /** The postage a letter to this zone is sent with: {@code europe}, {@code rest-of-world}. */
    public String postage() {
      return postage;
    }
  }

  /** Royal Mail's Europe zone, by ISO 3166 code. */
  static final Set<String> EUROPE =
      Set.of(
          "AD", "AL", "AM", "AT", "AX", "AZ", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK",
          "EE", "ES", "FI", "FO", "FR", "GE", "GI", "GL", "GR", "HR", "HU", "IE", "IS", "IT", "KG",
          "KZ", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO",
          "RS", "RU", "SE", "SI", "SJ", "SK", "SM", "TJ", "TM", "TR", "UA", "UZ", "VA", "XK");

  /** The Crown Dependencies: inland post, with postcodes of their own. */
  static final Set<String> INLAND = Set.of("GB", "GG", "IM", "JE");

  /** Names printed differently from the JDK's. */
  static final Map<String, String> NAMES =
      Map.of(
          "GB", UK,
          "CD", "Congo (Democratic Republic)",
          "CG", "Congo",
          "HK", "Hong Kong",
          "MO", "Macao",
          "PS", "Occupied Palestinian Territories",
          "TR", "Turkey",
          "VA", "Vatican City",
          "MM", "Myanmar (Burma)");

  /** Other names people write, to the printed name. */
  static final Map<String, List<String>> OTHER_NAMES =
      Map.ofEntries(
          Map.entry(
              UK,
              List.of(
                  "UK",
                  "Great Britain",
                  "Britain",
                  "GB",
                  "England",
                  "Scotland",
                  "Wales",
                  "Cymru",
                  "Northern Ireland",
                  "Y Deyrnas Unedig",
                  "United Kingdom of Great Britain and Northern Ireland")),
          Map.entry("United States", List.of("USA", "US", "United States of America", "America")),
          Map.entry("Netherlands", List.of("Holland", "Nederland")),
          Map.entry("Ireland", List.of("Republic of Ireland", "Eire", "Éire")),
          Map.entry("Germany", List.of("Deutschland")),
          Map.entry("Spain", List.of("España")),
          Map.entry("United Arab Emirates", List.of("UAE")),
          Map.entry("South Korea", List.of("Korea", "Republic of Korea")),
          Map.entry("Côte d’Ivoire", List.of("Ivory Coast")),
          Map.entry("Turkey", List.of("Türkiye")),
          Map.entry("Czechia", List.of("Czech Republic")));

  /** Islands with post of their own zone that the ISO list does not name apart. */
  static final List<String> EUROPEAN_ISLANDS =
      List.of("Azores", "Balearic Islands", "Canary Islands", "Corsica", "Madeira");

  private static final Map<String, Country> BY_KEY = build();

  /** The country of an address whose last line names none. */
  static final Country UNITED_KINGDOM = BY_KEY.get(key(UK));

  private Countries() {}

  /** The country or territory this line names, if it names one. */
  public static Optional<Country> named(String line) {
    String key = key(line);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    for (String candidate :
        List.of(key, "the" + key, "yr" + key, "y" + key, key.replaceFirst("^the", ""))) {
      Country country = BY_KEY.get(candidate);
      if (country != null) {
        return Optional.of(country);
      }
    }
    return Optional.empty();
  }

  private static Map<String, Country> build() {
    Map<String, Country> byKey = new HashMap<>();
    Map<String, Country> byName = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale place = Locale.of("", code);
      String name = NAMES.getOrDefault(code, place.getDisplayCountry(Locale.UK));
      PostalZone zone =
          INLAND.contains(code)
              ? PostalZone.UK
              : EUROPE.contains(code) ? PostalZone.EUROPE : PostalZone.REST_OF_WORLD;
      Country country = new Country(name, zone);
      byName.put(name, country);
      byKey.put(key(name), country);
      byKey.putIfAbsent(key(place.getDisplayCountry(Locale.UK)), country);
      byKey.putIfAbsent(key(place.getDisplayCountry(Locale.US)), country);
    }
    Country kosovo = new Country("Kosovo", PostalZone.EUROPE);
    byName.putIfAbsent("Kosovo", kosovo);
    byKey.putIfAbsent(key("Kosovo"), kosovo);
    for (String island : EUROPEAN_ISLANDS) {
      byKey.put(key(island), new Country(island, PostalZone.EUROPE));
    }
    OTHER_NAMES.forEach(
        (name, others) -> {
          Country country = byName.get(name);
          if (country == null) {
            throw new IllegalStateException("No country named " + name);
          }
          others.forEach(other -> byKey.put(key(other), country));
        });
    return Map.copyOf(byKey);
  }

  /**
   * A name as looked up: {@code &} and {@code +} as "and", lower case, without spaces, {@code
   * _-'’,.()}, or accents.
   */
  static String key(String name) {
    String and = name.replace("&", "and").replace("+", "and");
    StringBuilder kept = new StringBuilder(and.length());
    and.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(c -> " _-'’,.()".indexOf(c) < 0 && !Whitespace.isWhitespace(c))
        .forEach(kept::appendCodePoint);
    String folded = Normalizer.normalize(kept, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return folded.chars().allMatch(c -> c < 128) ? folded : kept.toString();
  }
}
