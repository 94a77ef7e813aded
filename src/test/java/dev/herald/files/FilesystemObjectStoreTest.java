package dev.herald.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemObjectStoreTest {

  @TempDir Path directory;

  private FilesystemObjectStore store() {
    return new FilesystemObjectStore(directory.resolve("files"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void storesReplacesReadsAndDeletesObjects() {
    ObjectStore store = store();
    assertThat(store.get("letters/2026-12-09/a/rendered.pdf")).isEmpty();
    store.put("letters/2026-12-09/a/rendered.pdf", bytes("one"));
    store.put("letters/2026-12-09/a/rendered.pdf", bytes("two"));
    assertThat(store.get("letters/2026-12-09/a/rendered.pdf")).hasValue(bytes("two"));
    store.delete("letters/2026-12-09/a/rendered.pdf");
    store.delete("letters/2026-12-09/a/rendered.pdf");
    assertThat(store.get("letters/2026-12-09/a/rendered.pdf")).isEmpty();
  }

  @Test
  void keepsBinaryContentExactly() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    store().put("k/binary", everyByte);
    assertThat(store().get("k/binary")).hasValue(everyByte);
  }

  @Test
  void deletesAFolderAndNothingElse() {
    ObjectStore store = store();
    for (int i = 0; i < 1_100; i++) {
      store.put("letters/2026-12-09/" + i + "/rendered.pdf", bytes("x"));
    }
    store.put("letters/2026-12-10/0/rendered.pdf", bytes("kept"));
    store.put("letters/2026-12-091/0/rendered.pdf", bytes("kept too"));

    assertThat(store.deleteFolder("letters/2026-12-09")).isEqualTo(1_100);
    assertThat(store.deleteFolder("letters/2026-12-09")).isZero();
    assertThat(store.list("letters/"))
        .containsExactly("letters/2026-12-091/0/rendered.pdf", "letters/2026-12-10/0/rendered.pdf");
  }

  @Test
  void refusesKeysThatLeaveItsDirectory() {
    for (String key : new String[] {"", "/a", "a//b", "a/../b", "..", "a/./b", "a\\b", "a b"}) {
      assertThatThrownBy(() -> store().put(key, bytes("x")))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aStoreThatCannotWriteSaysSo() throws Exception {
    Files.writeString(directory.resolve("files"), "a file where the directory should be");
    assertThatThrownBy(() -> store().put("letters/x", bytes("x")))
        .isInstanceOf(ObjectStoreException.class);
    assertThatThrownBy(() -> store().get("letters/x")).isInstanceOf(ObjectStoreException.class);
  }
}
