package org.safeguardingworkflows.planhistory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an import's {@code main} in a JVM of its own with a small heap, for the memory tests: a heap limit holds
 * only for a whole JVM, and the test's own JVM holds the application. The output is kept in a file, not a pipe, so
 * that a chatty run cannot block on a full pipe.
 *
 * @param exitCode the JVM's exit code ({@link #OUT_OF_MEMORY} when the heap ran out)
 * @param output what it printed
 */
record SmallHeapRun(int exitCode, String output) {

  /** The exit code of an import main that ran out of heap. */
  static final int OUT_OF_MEMORY = 3;

  static SmallHeapRun of(Class<?> main, String heap, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("small-heap-run-", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(main.getSimpleName() + " did not finish in 5 minutes");
      }
      return new SmallHeapRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
