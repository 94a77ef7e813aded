package dev.herald.letter;

import static dev.herald.letter.PrecompiledLetterBuilder.aPrecompiledLetter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each kind of active content is found where a PDF may carry it; a plain letter has none. */
class ActiveContentTest {

  @Test
  void findsJavaScriptInTheNamesTree() {
    assertFound(
        aPrecompiledLetter().with(ActiveContentFixtures.javaScriptInTheNamesTree()), "JavaScript");
  }

  @Test
  void findsAJavaScriptOpenAction() {
    assertFound(
        aPrecompiledLetter().with(ActiveContentFixtures.javaScriptOpenAction()), "JavaScript");
  }

  @Test
  void findsAJavaScriptPageAction() {
    assertFound(
        aPrecompiledLetter().with(ActiveContentFixtures.javaScriptPageAction()), "JavaScript");
  }

  @Test
  void findsAJavaScriptAnnotationAction() {
    assertFound(aPrecompiledLetter().with(ActiveContentFixtures.javaScriptLink()), "JavaScript");
  }

  @Test
  void findsAJavaScriptFormFieldAction() {
    assertFound(
        aPrecompiledLetter().with(ActiveContentFixtures.javaScriptFormField()), "JavaScript");
  }

  @Test
  void findsALaunchAction() {
    assertFound(aPrecompiledLetter().with(ActiveContentFixtures.launchLink()), "launch action");
  }

  @Test
  void findsAnEmbeddedFile() {
    assertFound(aPrecompiledLetter().with(ActiveContentFixtures.embeddedFile()), "embedded file");
  }

  @Test
  void findsAFileAttachmentAnnotationAndTheFileItCarries() {
    assertFound(
        aPrecompiledLetter().with(ActiveContentFixtures.fileAttachmentAnnotation()),
        "embedded file, file attachment annotation");
  }

  @Test
  void namesEveryKindFoundOnce() {
    assertFound(
        aPrecompiledLetter()
            .with(ActiveContentFixtures.launchLink())
            .with(ActiveContentFixtures.javaScriptOpenAction())
            .with(ActiveContentFixtures.javaScriptLink())
            .with(ActiveContentFixtures.embeddedFile()),
        "JavaScript, launch action, embedded file");
  }

  @Test
  void aPlainLetterHasNone() {
    assertThat(ActiveContent.find(aPrecompiledLetter().withPages(2).build())).isEmpty();
  }

  @Test
  void aFileThatIsNotAPdfHasNone() {
    assertThat(ActiveContent.find("plain text".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  private static void assertFound(PrecompiledLetterBuilder letter, String description) {
    assertThat(ActiveContent.find(letter.build())).contains(description);
  }
}
