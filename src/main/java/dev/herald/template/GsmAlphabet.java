package dev.herald.template;

import java.text.Normalizer;
import java.util.BitSet;
import java.util.Map;

/** The GSM 03.38 characters, the Welsh letters Notify keeps, and how other characters downgrade. */
final class GsmAlphabet {

  static final String EXTENDED = "^{}\\[~]|€";

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  private static final String WELSH = "àèìòùẁỳÀÈÌÒÙẀỲáéíóúẃýÁÉÍÓÚẂÝäëïöüẅÿÄËÏÖÜẄŸâêîôûŵŷÂÊÎÔÛŴŶ";

  private static final Map<Integer, String> REPLACEMENTS =
      Map.ofEntries(
          Map.entry(0x2011, "-"),
          Map.entry(0x2013, "-"),
          Map.entry(0x2014, "-"),
          Map.entry(0x2212, "-"),
          Map.entry(0x2026, "..."),
          Map.entry(0x2018, "'"),
          Map.entry(0x2019, "'"),
          Map.entry(0x201C, "\""),
          Map.entry(0x201D, "\""),
          Map.entry(0x201A, "'"),
          Map.entry(0x201E, "\""),
          Map.entry(0x180E, ""),
          Map.entry(0x200B, ""),
          Map.entry(0x200C, ""),
          Map.entry(0x200D, ""),
          Map.entry(0x2060, ""),
          Map.entry(0xFEFF, ""),
          Map.entry(0x2028, ""),
          Map.entry(0x2029, ""),
          Map.entry(0x00A0, " "),
          Map.entry(0x202F, " "),
          Map.entry((int) '\t', " "));

  private static final BitSet GSM = charsOf(BASIC + EXTENDED);
  private static final BitSet KEPT = charsOf(BASIC + EXTENDED + WELSH);

  private GsmAlphabet() {}

  private static BitSet charsOf(String chars) {
    BitSet set = new BitSet(0x10000);
    chars.chars().forEach(set::set);
    return set;
  }

  static boolean isGsm(int codePoint) {
    return codePoint < 0x10000 && GSM.get(codePoint);
  }

  /** Whether {@link #encode} keeps this character as it is (a surrogate is not kept alone). */
  static boolean isKept(char c) {
    return KEPT.get(c);
  }

  static boolean isExtended(char c) {
    return EXTENDED.indexOf(c) >= 0;
  }

  /** A Welsh letter outside GSM, which makes the whole message UCS-2. */
  static boolean isWelshOutsideGsm(int codePoint) {
    return codePoint < 0x10000 && WELSH.indexOf(codePoint) >= 0 && !isGsm(codePoint);
  }

  /** The character itself if kept, else its downgrade, else "?". */
  static String encode(int codePoint) {
    if (codePoint < 0x10000 && KEPT.get(codePoint)) {
      return Character.toString(codePoint);
    }
    String decomposed = firstOfCanonicalDecomposition(codePoint);
    if (decomposed != null) {
      return decomposed;
    }
    return REPLACEMENTS.getOrDefault(codePoint, "?");
  }

  /**
   * The first character of the one-step canonical decomposition, as Python's {@code
   * unicodedata.decomposition} gives it, or null when there is none.
   */
  private static String firstOfCanonicalDecomposition(int codePoint) {
    if (codePoint >= 0xAC00 && codePoint <= 0xD7A3) {
      return null; // Hangul syllables decompose algorithmically, not in Python's table
    }
    String original = Character.toString(codePoint);
    String full = Normalizer.normalize(original, Normalizer.Form.NFD);
    if (full.equals(original)) {
      return null;
    }
    String composed = Normalizer.normalize(original, Normalizer.Form.NFC);
    if (!composed.equals(original) && composed.codePointCount(0, composed.length()) == 1) {
      return composed;
    }
    int lastStart = full.offsetByCodePoints(full.length(), -1);
    String head = Normalizer.normalize(full.substring(0, lastStart), Normalizer.Form.NFC);
    return Character.toString(head.codePointAt(0));
  }
}
