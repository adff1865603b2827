package org.safeguardingworkflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.deployments.StoredDeploymentsReview;
import org.safeguardingworkflows.retention.StoredDefinitionsFollowThePolicy;
import org.safeguardingworkflows.security.AdminAccount;
import org.safeguardingworkflows.security.DemoUsers;
import org.safeguardingworkflows.security.RoleAuthorizations;
import org.safeguardingworkflows.security.RoleGroups;
import org.safeguardingworkflows.security.StartingStaff;
import org.safeguardingworkflows.security.StoredFilterExpressions;
import org.safeguardingworkflows.security.TaskFilters;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The start-up order, without Spring or a database: the steps are the real classes (built without their engine
 * services, which naming a step does not use), so a step added, removed or moved shows here.
 */
class StartUpSequenceTest {

  private final Logger log = (Logger) LoggerFactory.getLogger(StartUpSequence.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureTheLog() {
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void releaseTheLog() {
    log.detachAppender(logged);
  }

  @Test
  void theDemoProfileSetsUpInTheWrittenOrder() {
    assertThat(names(realSteps(List.of(demoUsers())))).containsExactly("role groups", "authorizations", "administrator",
        "demo teams and users", "stored filter expressions check", "task filters", "deployment",
        "stored deployments review", "retention policy on stored process versions");
  }

  @Test
  void productionHasNoStartingStaff_theRestInTheSameOrder() {
    assertThat(names(realSteps(List.of()))).containsExactly("role groups", "authorizations", "administrator",
        "stored filter expressions check", "task filters", "deployment", "stored deployments review",
        "retention policy on stored process versions");
  }

  /** The dependencies the order exists for, stated one by one so that a reordering says which one it breaks. */
  @Test
  void whatMustExistBeforeWhat() {
    List<String> order = names(realSteps(List.of(demoUsers())));
    assertBefore(order, "role groups", "authorizations");
    assertBefore(order, "role groups", "administrator");
    assertBefore(order, "role groups", "demo teams and users");
    assertBefore(order, "demo teams and users", "task filters");
    assertBefore(order, "stored filter expressions check", "task filters");
    assertBefore(order, "deployment", "stored deployments review");
    assertBefore(order, "deployment", "retention policy on stored process versions");
  }

  @Test
  void eachStepRunsOnceInOrder_andLogsOneLineWithItsNameAndTime() {
    List<String> ran = new ArrayList<>();
    new StartUpSequence(List.of(step("first", ran), step("second", ran), step("third", ran))).run();

    assertThat(ran).containsExactly("first", "second", "third");
    assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
        .hasSize(3)
        .allMatch(line -> line.matches("Start-up step '(first|second|third)' done in \\d+ ms"));
  }

  @Test
  void aFailedStepStopsTheStart_namingTheStep() {
    List<String> ran = new ArrayList<>();
    StartUpStep failing = new StartUpStep() {
      @Override
      public String name() {
        return "administrator";
      }

      @Override
      public void run() {
        throw new IllegalStateException("No administrator account");
      }
    };
    StartUpSequence sequence = new StartUpSequence(List.of(step("first", ran), failing, step("third", ran)));

    assertThatThrownBy(sequence::run)
        .hasMessage("Start-up step 'administrator' failed: No administrator account")
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(ran).containsExactly("first");
  }

  private static List<StartUpStep> realSteps(List<StartingStaff> startingStaff) {
    return StartUpSequence.inOrder(new RoleGroups(null), new RoleAuthorizations(null), new AdminAccount(null, null),
        startingStaff, new StoredFilterExpressions(null), new TaskFilters(null, null, null, null, null),
        new ProcessDeployment(null), new StoredDeploymentsReview(null, null),
        new StoredDefinitionsFollowThePolicy(null, null, null));
  }

  private static DemoUsers demoUsers() {
    return new DemoUsers(null, null, null, null, null);
  }

  private static List<String> names(List<StartUpStep> steps) {
    return new StartUpSequence(steps).stepNames();
  }

  private static void assertBefore(List<String> order, String first, String then) {
    assertThat(order.indexOf(first)).as("'%s' runs before '%s'", first, then).isLessThan(order.indexOf(then));
  }

  private static StartUpStep step(String name, List<String> ran) {
    return new StartUpStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void run() {
        ran.add(name);
      }
    };
  }
}
