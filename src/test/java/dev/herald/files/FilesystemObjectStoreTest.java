package dev.herald.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemObjectStoreTest extends ObjectStoreContract {

  @TempDir Path directory;

  @Override
  ObjectStore newStore() {
    return new FilesystemObjectStore(directory.resolve("files"));
  }

  @Test
  void keepsEachObjectAsAFileUnderItsKey() throws Exception {
    newStore().put(KEY, bytes("pdf"));
    assertThat(directory.resolve("files").resolve(KEY)).hasBinaryContent(bytes("pdf"));
    try (var entries = Files.list(directory.resolve("files").resolve(KEY).getParent())) {
      assertThat(entries).as("no temporary file is left").hasSize(1);
    }
  }

  @Test
  void removesTheFolderItsDirectoriesAndStrayTemporaryFiles() throws Exception {
    ObjectStore store = newStore();
    store.put("letters/2026-12-09/a/rendered.pdf", bytes("x"));
    store.put("letters/2026-12-10/a/rendered.pdf", bytes("y"));
    Path day = directory.resolve("files/letters/2026-12-09");
    Files.writeString(day.resolve("a/~put-123.tmp"), "left by a crash");

    assertThat(store.deleteFolder("letters/2026-12-09")).isOne();

    assertThat(day).doesNotExist();
    assertThat(directory.resolve("files/letters/2026-12-10/a/rendered.pdf")).exists();
  }

  @Test
  void neverListsATemporaryFile() throws Exception {
    ObjectStore store = newStore();
    store.put("letters/a.pdf", bytes("x"));
    Files.writeString(directory.resolve("files/letters/~put-123.tmp"), "being written");
    assertThat(store.list("")).containsExactly("letters/a.pdf");
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsAStoreFailure() throws Exception {
    // root ignores permissions, so a regular file stands where the directory should be
    Files.writeString(directory.resolve("files"), "a file where the directory should be");
    ObjectStore store = newStore();
    assertThatThrownBy(() -> store.put(KEY, bytes("the letter's text")))
        .isInstanceOf(ObjectStoreException.class)
        .hasMessageContaining(KEY)
        .hasMessageNotContaining("the letter's text");
    assertThatThrownBy(() -> store.get(KEY)).isInstanceOf(ObjectStoreException.class);
    assertThatThrownBy(() -> store.open(KEY)).isInstanceOf(ObjectStoreException.class);
  }
}
