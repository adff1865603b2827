package org.safeguardingworkflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.platform.SystemAccess.Reason;

/**
 * Elevated access is raised in one place, with a reason: {@link SystemAccess} and its {@link Reason}s. Read from the
 * sources, without Spring: controllers and webapp resources never raise it (their capability's service does, after
 * its own checks), every reason says why and is used, and nothing else switches the engine's authorization off.
 */
class ElevatedAccessTest {

  private static final Path SOURCES = Path.of("src/main/java");

  /** Spring MVC controllers and the webapps' JAX-RS resources: what answers a request directly. */
  private static final Pattern ANSWERS_REQUESTS = Pattern.compile("@RestController|@Controller\\b|import jakarta\\.ws\\.rs\\.Path;");

  /**
   * The only code switching authorization off without SystemAccess, and why: it runs inside the engine's own command
   * on the deployment or task form being checked, where there is no Spring bean to ask (a static task-listener helper,
   * a deployment parse listener).
   */
  private static final List<String> ENGINE_INTERNAL = List.of("tasks/DeployedForm.java", "deployments/OnlyTrustedDeployments.java");

  @Test
  void noControllerOrWebappResourceRaisesElevatedAccess() throws IOException {
    Map<Path, String> answering = sources().entrySet().stream()
        .filter(source -> ANSWERS_REQUESTS.matcher(source.getValue()).find())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(answering).as("the scan finds the controllers").hasSizeGreaterThan(10);
    assertThat(answering.entrySet().stream().filter(source -> source.getValue().contains("SystemAccess")).map(Map.Entry::getKey))
        .as("controllers that raise elevated access themselves").isEmpty();
  }

  @Test
  void everyReasonSaysWhyInOneSentence_andIsUsed() throws IOException {
    String everyUse = sources().entrySet().stream()
        .filter(source -> !source.getKey().endsWith("platform/SystemAccess.java"))
        .map(Map.Entry::getValue).reduce("", String::concat);
    for (Reason reason : Reason.values()) {
      assertThat(reason.why()).as(reason.name()).matches("[A-Z].{20,}\\.");
      assertThat(everyUse).as(reason + " is used").containsPattern("Reason\\." + reason.name() + "\\b");
    }
    assertThat(Arrays.stream(Reason.values()).map(Reason::why).distinct()).hasSize(Reason.values().length);
  }

  @Test
  void nothingElseSwitchesAuthorizationOff() throws IOException {
    assertThat(sources().entrySet().stream()
        .filter(source -> source.getValue().contains("runWithoutAuthorization")
            || source.getValue().contains("setAuthorizationEnabled(false)"))
        .map(source -> SOURCES.resolve("org/safeguardingworkflows").relativize(source.getKey()).toString()))
        .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of("platform/SystemAccess.java"), ENGINE_INTERNAL.stream()).toList());
  }

  private static Map<Path, String> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(path -> path.toString().endsWith(".java"))
          .collect(Collectors.toMap(path -> path, ElevatedAccessTest::read));
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
