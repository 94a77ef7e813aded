package dev.herald.template;

/**
 * Finds what Notify's link pattern (notifications-utils {@code formatters.py}) matches, as Python's
 * {@code re.sub} does, in time linear in the text's length.
 *
 * <p>The pattern is {@code
 * (?i)\b(?<![@.])(https?://)?([\w-]+\.)+([a-z]{2,63})(?!@)\b([/?#][^<\s]*)?} with Python 3's
 * Unicode {@code \w}, {@code \b} and {@code \s}. Each label is the whole run of {@code [\w-]}
 * before a dot, so the only choice the label loop has is how many labels to keep, and greedy
 * backtracking keeps the most whose next position starts a valid TLD: a run of 2–63 TLD letters
 * followed by neither a word character nor {@code @}. A later start inside the dotted run scanned
 * from a failed start sees a subset of the same TLD candidates, so it fails too and the scan jumps
 * past that run; a match resumes the search at its end. Every code point is therefore looked at a
 * bounded number of times.
 */
final class UrlScanner {

  private static final int NONE = -1;
  private static final int MAX_TLD = 63;
  private static final int LONGEST_SCHEME_NAME = "https".length();

  private final int[] text;
  private long steps;
  private int runEnd;
  private int failedUntil;

  UrlScanner(String text) {
    this.text = text.codePoints().toArray();
  }

  /** The text with each match replaced: a bare domain spaced out after its dots, else nothing. */
  String withoutUrls() {
    StringBuilder out = new StringBuilder(text.length);
    int start = 0;
    while (start < text.length) {
      steps++;
      int end = canStart(start) ? matchAt(start) : NONE;
      if (end == NONE) {
        int next = Math.max(start + 1, failedUntil);
        for (; start < next; start++) {
          steps++;
          out.appendCodePoint(text[start]);
        }
      } else {
        appendReplacement(out, start, end);
        start = end;
      }
    }
    return out.toString();
  }

  /** The work done so far, in code points looked at; linear in the text's length. */
  long steps() {
    return steps;
  }

  // \b(?<![@.]) at the start
  private boolean canStart(int at) {
    boolean before = at > 0 && isWord(text[at - 1]);
    return before != isWord(text[at]) && (at == 0 || (text[at - 1] != '@' && text[at - 1] != '.'));
  }

  private int matchAt(int start) {
    int scheme = schemeLength(start);
    if (scheme > 0) {
      // Without its scheme the start is "http" followed by ':', which is no label.
      return withPath(domainEnd(start + scheme));
    }
    int end = domainEnd(start);
    if (end == NONE) {
      // Later starts in the run fail too, but for the last few, where "https:" could begin.
      failedUntil = runEnd - LONGEST_SCHEME_NAME;
    }
    return withPath(end);
  }

  private int schemeLength(int at) {
    if (!(is(at, 'h') && is(at + 1, 't') && is(at + 2, 't') && is(at + 3, 'p'))) {
      return 0;
    }
    int colon = at + 4;
    if (colon < text.length && (is(colon, 's') || text[colon] == '\u017F')) {
      colon++;
    }
    boolean slashes =
        colon + 2 < text.length
            && text[colon] == ':'
            && text[colon + 1] == '/'
            && text[colon + 2] == '/';
    return slashes ? colon + 3 - at : 0;
  }

  // ([\w-]+\.)+([a-z]{2,63})(?!@)\b with the most labels that work; sets runEnd
  private int domainEnd(int host) {
    int best = NONE;
    int label = host;
    while (true) {
      int end = label;
      while (end < text.length && isLabel(text[end])) {
        steps++;
        end++;
      }
      if (end == label || end == text.length || text[end] != '.') {
        runEnd = end;
        return best;
      }
      int tldEnd = tldEnd(end + 1);
      if (tldEnd != NONE) {
        best = tldEnd;
      }
      label = end + 1;
    }
  }

  private int tldEnd(int start) {
    int end = start;
    while (end < text.length && end - start <= MAX_TLD && isTldLetter(text[end])) {
      steps++;
      end++;
    }
    int length = end - start;
    if (length < 2 || length > MAX_TLD) {
      return NONE;
    }
    return end == text.length || (!isWord(text[end]) && text[end] != '@') ? end : NONE;
  }

  // ([/?#][^<\s]*)?
  private int withPath(int end) {
    if (end == NONE || end == text.length) {
      return end;
    }
    int c = text[end];
    if (c != '/' && c != '?' && c != '#') {
      return end;
    }
    int path = end + 1;
    while (path < text.length && text[path] != '<' && !isSpace(text[path])) {
      steps++;
      path++;
    }
    return path;
  }

  private void appendReplacement(StringBuilder out, int start, int end) {
    boolean bare = true;
    for (int i = start; i < end && bare; i++) {
      bare = isBareDomainCharacter(text[i]);
    }
    if (bare) {
      for (int i = start; i < end; i++) {
        out.appendCodePoint(text[i]);
        if (text[i] == '.') {
          out.append(' ');
        }
      }
    }
  }

  private boolean is(int at, char lowerCase) {
    return at < text.length && (text[at] | 0x20) == lowerCase;
  }

  /** Python's {@code \w} on a str: letters, numbers of any kind, and the underscore. */
  static boolean isWord(int c) {
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> c == '_';
    };
  }

  private static boolean isLabel(int c) {
    return c == '-' || isWord(c);
  }

  /** Python's {@code (?i)[a-z]}: ASCII letters and the four that case-fold to one. */
  private static boolean isTldLetter(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '\u0130'
        || c == '\u0131'
        || c == '\u017F'
        || c == '\u212A';
  }

  private static boolean isSpace(int c) {
    return c <= Character.MAX_VALUE && Whitespace.isSpace((char) c);
  }

  private static boolean isBareDomainCharacter(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-';
  }
}
