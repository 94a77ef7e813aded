package dev.herald.job;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as uploaded, read as often as it is needed (its check, then its keeping in the object
 * store) and never whole in memory when it came as a multipart part (which the servlet container
 * keeps on disk).
 */
interface UploadedFile {

  /** Its size in bytes. */
  long size();

  /** Its content from the start; the caller closes it. */
  InputStream open() throws IOException;

  static UploadedFile of(byte[] content) {
    return new UploadedFile() {
      @Override
      public long size() {
        return content.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(content);
      }
    };
  }

  static UploadedFile of(MultipartFile part) {
    return new UploadedFile() {
      @Override
      public long size() {
        return part.getSize();
      }

      @Override
      public InputStream open() throws IOException {
        return part.getInputStream();
      }
    };
  }
}
