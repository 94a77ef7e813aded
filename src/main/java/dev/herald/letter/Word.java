package dev.herald.letter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A word read from a page: its text, the box of its glyphs, its baseline and its font's height. */
record Word(String text, MmBox box, double baselineMm, double sizeMm) {

  /**
   * The words that touch {@code area}, as lines from top to bottom (words on nearly the same
   * baseline, left to right) joined by newlines, their words by spaces.
   */
  static String textIn(List<Word> words, MmBox area) {
    List<Word> touching =
        words.stream()
            .filter(word -> word.box().intersects(area))
            .sorted(Comparator.comparingDouble(Word::baselineMm))
            .toList();
    return String.join(
        "\n",
        lines(touching).stream()
            .map(
                line ->
                    line.stream()
                        .sorted(Comparator.comparingDouble(word -> word.box().left()))
                        .map(Word::text)
                        .collect(Collectors.joining(" ")))
            .toList());
  }

  /** Words sorted by baseline, grouped into lines of words on nearly the same baseline. */
  private static List<List<Word>> lines(List<Word> sorted) {
    List<List<Word>> lines = new ArrayList<>();
    for (Word word : sorted) {
      if (lines.isEmpty() || !lines.getLast().getFirst().sharesLineWith(word)) {
        lines.add(new ArrayList<>());
      }
      lines.getLast().add(word);
    }
    return lines;
  }

  private boolean sharesLineWith(Word other) {
    return Math.abs(baselineMm - other.baselineMm) < Math.min(sizeMm, other.sizeMm) / 2;
  }
}
