package org.safeguardingworkflows.testsupport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A large file for import tests, written piece by piece as it is read and never held whole: each piece comes from
 * {@code next} (null at the end), as UTF-8. Counts the bytes read, so a test can say how big the file was.
 */
public final class GeneratedText extends InputStream {

  private final Supplier<String> next;
  private byte[] current = new byte[0];
  private int position;
  private boolean ended;
  private long bytes;

  public GeneratedText(Supplier<String> next) {
    this.next = next;
  }

  public long bytesRead() {
    return bytes;
  }

  @Override
  public int read() {
    if (!fill()) {
      return -1;
    }
    bytes++;
    return current[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, count);
    position += count;
    bytes += count;
    return count;
  }

  private boolean fill() {
    while (position == current.length) {
      String piece = ended ? null : next.get();
      if (piece == null) {
        ended = true;
        return false;
      }
      current = piece.getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }
}
