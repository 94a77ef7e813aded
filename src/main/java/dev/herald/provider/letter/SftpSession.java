package dev.herald.provider.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * One logged-in SFTP session, with the few file operations the print provider needs; closing it
 * gives its place back to {@link SftpSessions}.
 */
final class SftpSession implements AutoCloseable {

  private final ClientSession session;
  private final SftpClient sftp;
  private final Runnable closed;

  SftpSession(ClientSession session, SftpClient sftp, Runnable closed) {
    this.session = session;
    this.sftp = sftp;
    this.closed = closed;
  }

  /** Creates the file, or empties it if it is there, for writing. */
  OutputStream create(String path) throws IOException {
    return sftp.write(path);
  }

  InputStream read(String path) throws IOException {
    return sftp.read(path);
  }

  /**
   * Renames {@code from} to {@code to}, replacing {@code to} if it is there: atomically through
   * OpenSSH's {@code posix-rename} when the server offers it; otherwise by removing {@code to}
   * first, since SFTP v3's rename refuses an existing target.
   */
  void replace(String from, String to) throws IOException {
    OpenSSHPosixRenameExtension posixRename = sftp.getExtension(OpenSSHPosixRenameExtension.class);
    if (posixRename.isSupported()) {
      posixRename.posixRename(from, to);
      return;
    }
    try {
      sftp.remove(to);
    } catch (SftpException e) {
      if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
        throw e;
      }
    }
    sftp.rename(from, to);
  }

  /** Removes the file if it can, after a failure that may already have closed the session. */
  void removeQuietly(String path) {
    try {
      sftp.remove(path);
    } catch (IOException e) {
      // Left for the next attempt to overwrite.
    }
  }

  /** Creates the directory and its parents where they are missing. */
  void makeDirectories(String path) throws IOException {
    String made = path.startsWith("/") ? "" : ".";
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      made = made + "/" + part;
      if (!exists(made)) {
        makeDirectory(made);
      }
    }
  }

  /** The names of the regular files in the directory. */
  List<String> files(String directory) throws IOException {
    List<String> names = new ArrayList<>();
    for (SftpClient.DirEntry entry : sftp.readDir(directory)) {
      if (entry.getAttributes().isRegularFile()) {
        names.add(entry.getFilename());
      }
    }
    return names;
  }

  @Override
  public void close() throws IOException {
    try (session) {
      sftp.close();
    } finally {
      closed.run();
    }
  }

  /** Makes the directory, unless another session made it since it was looked for. */
  private void makeDirectory(String path) throws IOException {
    try {
      sftp.mkdir(path);
    } catch (SftpException e) {
      if (!exists(path)) {
        throw e;
      }
    }
  }

  private boolean exists(String path) throws IOException {
    try {
      sftp.stat(path);
      return true;
    } catch (SftpException e) {
      if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
        return false;
      }
      throw e;
    }
  }
}
