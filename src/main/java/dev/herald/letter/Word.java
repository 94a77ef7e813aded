package dev.herald.letter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
    List<List<Word>> lines = new ArrayList<>();
    for (Word word : touching) {
      List<Word> line = lines.isEmpty() ? null : lines.getLast();
      if (line == null || !line.getFirst().sharesLineWith(word)) {
        line = new ArrayList<>();
        lines.add(line);
      }
      line.add(word);
    }
    List<String> texts = new ArrayList<>();
    for (List<Word> line : lines) {
      texts.add(
          String.join(
              " ",
              line.stream()
                  .sorted(Comparator.comparingDouble(word -> word.box().left()))
                  .map(Word::text)
                  .toList()));
    }
    return String.join("\n", texts);
  }

  private boolean sharesLineWith(Word other) {
    return Math.abs(baselineMm - other.baselineMm) < Math.min(sizeMm, other.sizeMm) / 2;
  }
}
