package org.safeguardingworkflows.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the performance harness from rotting: every scenario runs at tiny sizes inside {@code mvn verify}. Asserts
 * only that results were produced for each scenario, never timings (a shared CI machine cannot promise those).
 */
@ApplicationTest
class BenchmarkSmokeTest extends BenchmarkRun {

  @Test
  void everyScenarioRunsAndTheResultsAreWritten() throws Exception {
    Path json = run(Benchmarks.Sizes.smoke(), Path.of("target", "benchmark-smoke"));

    assertThat(json).exists();
    assertThat(Path.of(json.toString().replace(".json", ".md"))).exists();
    JsonNode written = new ObjectMapper().readTree(Files.readString(json));
    assertThat(written.at("/machine/cores").asInt()).isPositive();
    assertThat(written.at("/machine/database").asText()).contains("PostgreSQL");
    assertThat(written.get("results").findValuesAsText("scenario"))
        .contains("1 journey cost", "2 task lists", "3 report and import", "4 timer storm", "5 footprint", PractitionersAtScale.SCENARIO);
    // The simulated practitioners' requests must all succeed, or the scenario measures failures instead of work.
    assertThat(written.get("results")).filteredOn(row -> row.path("measure").asText().startsWith("errors ("))
        .extracting(row -> row.path("value").asDouble()).containsExactly(0.0);
    assertThat(written.get("results")).filteredOn(row -> row.path("measure").asText().startsWith("tasks completed per second"))
        .extracting(row -> row.path("value").asDouble()).allMatch(perSecond -> perSecond > 0);
    assertThat(written.get("results").findValuesAsText("measure")).anyMatch(measure -> measure.startsWith("fired exactly once"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(Benchmarks.PREFIX + "%").count())
        .as("the smoke run leaves nothing behind in the shared test database").isZero();
    assertThat(engine.getIdentityService().createUserQuery().list())
        .noneMatch(user -> user.getId().startsWith(PractitionersAtScale.STAFF_PREFIX));
  }
}
