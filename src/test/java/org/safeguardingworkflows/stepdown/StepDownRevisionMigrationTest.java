package org.safeguardingworkflows.stepdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.revisions.MigrationAudit;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Journeys that last six months move to a revised step-down diagram. The revision renames "Approve step-down plan",
 * adds "Share the contingency plan" after the approval, and removes "Chase the late step-down approval". Journeys wait
 * at every stage: the meeting (and its chase), the approval (and its late timer, and its chase), the senior manager's
 * early step-down, the watch period's timers, an open supervision (and its chase), an open CIN review, a contingency
 * review, the impact review, the closure meeting, the early-help check and the re-emergence check timers. A process
 * owner dry-runs the migration, then runs it: every journey that can move does, keeping its open tasks, due dates and
 * timers, and carries on to the end on the new version; those waiting at the removed chase are listed with the
 * reason and left untouched; who migrated what is recorded.
 */
@ApplicationTest
class StepDownRevisionMigrationTest {

  static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);
  static final String KEY = StepDownVariables.PROCESS_KEY;

  @Autowired ProcessEngine engine;
  @Autowired MigrationAudit audit;
  @LocalServerPort int port;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void runningJourneysMoveToTheRevisedDiagram_theOnesWaitingAtARemovedTaskStayAndAreListed() throws IOException {
    int fromVersion = latest().getVersion();
    Map<String, StepDownDriver> journeys = new LinkedHashMap<>();
    journeys.put("meeting", start("CHILD_IN_NEED"));
    journeys.put("meetingChased", start("CHILD_IN_NEED").whenTimerFires("Event_StepDownMeetingLate"));
    journeys.put("approval", start("CHILD_IN_NEED").holdStepDownMeeting());
    journeys.put("approvalChased", start("CHILD_IN_NEED").holdStepDownMeeting().whenTimerFires("Event_StepDownApprovalLate"));
    journeys.put("earlyClosure", start("EARLY_HELP").holdStepDownMeeting().managerDecidesStepDown("APPROVE"));
    journeys.put("watchTimers", start("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("APPROVE"));
    journeys.put("supervision", start("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .whenNextFires("Event_SupervisionDue"));
    journeys.put("supervisionChased", start("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .whenNextFires("Event_SupervisionDue").whenTimerFires("Event_SupervisionOverdue"));
    journeys.put("cinReview", start("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .whenNextFires("Event_ReviewDue"));
    journeys.put("contingencyReview", start("CHILD_IN_NEED").reportConcern("CONSENT_WITHDRAWN"));
    journeys.put("impactReview", start("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .watchPeriodPassesWell());
    journeys.put("closureMeeting", start("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .watchPeriodPassesWell().impactReview("CLOSURE"));
    journeys.put("reEmergenceTimer", start("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .watchPeriodPassesWell().impactReview("CLOSURE").holdClosureMeeting());
    journeys.put("earlyHelpTimer", start("EARLY_HELP").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .seniorManagerDecidesEarlyStepDown("APPROVE").holdClosureMeeting());
    EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
    assertThat(journeys.get("approvalChased").journey).isWaitingAt("Task_ApproveStepDownPlan", "Task_ChaseLateStepDownApproval");
    assertThat(journeys.get("watchTimers").journey).isWaitingAt("Event_SupervisionDue", "Event_ReviewDue", "Event_WatchPeriodEnds");
    assertThat(journeys.get("reEmergenceTimer").journey).isWaitingAt("Event_ReEmergenceCheckDue");
    assertThat(journeys.get("earlyHelpTimer").journey).isWaitingAt("Event_EarlyHelpCheckDue");
    Map<String, Snapshot> before = new LinkedHashMap<>();
    journeys.forEach((name, journey) -> before.put(name, snapshot(journey)));

    String revisedTag = deployRevision();
    // Whatever happens, later test classes find the application's own diagram as the latest again.
    try {
      Api processOwner = Api.as(port, TestStaff.PROCESS_OWNER);
      int toVersion = latest().getVersion();
      assertThat(toVersion).isGreaterThan(fromVersion);

      // The versions, each with its running journeys by activity.
      Reply versions = processOwner.get("/api/process-revisions/" + KEY);
      assertThat(versions.status()).as(versions.body()).isEqualTo(200);
      JsonNode revised = version(versions.json(), toVersion);
      assertThat(revised.path("versionTag").asText()).isEqualTo(revisedTag);
      assertThat(revised.path("deployedBy").asText()).isEqualTo(TestStaff.PROCESS_OWNER);
      assertThat(revised.path("runningInstances").asLong()).isZero();
      JsonNode current = version(versions.json(), fromVersion);
      assertThat(current.path("deployedBy").asText()).isEqualTo("the application");
      assertThat(activityCount(current, "Task_ChaseLateStepDownApproval")).isGreaterThanOrEqualTo(1);
      assertThat(activityCount(current, "Task_ApproveStepDownPlan")).isGreaterThanOrEqualTo(2);

      // Dry run: where each activity's journeys would go, and which cannot move and why; nothing moves.
      Reply dryRun = processOwner.post("/api/process-revisions/" + KEY + "/migrations",
          Map.of("fromVersion", fromVersion, "toVersion", toVersion, "dryRun", true));
      assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
      JsonNode approvalMove = activity(dryRun.json(), "Task_ApproveStepDownPlan");
      assertThat(approvalMove.path("movesTo").asText()).isEqualTo("Task_ApproveStepDownPlan");
      assertThat(approvalMove.path("movesToName").asText()).isEqualTo("Approve the step-down plan");
      assertThat(activity(dryRun.json(), "Task_ChaseLateStepDownApproval").path("movesTo").isTextual()).as("goes nowhere").isFalse();
      // Where an owner could map it instead: the revision's user tasks the engine accepts, never a timer or an end.
      JsonNode removedChase = activity(dryRun.json(), "Task_ChaseLateStepDownApproval");
      assertThat(removedChase.path("inToVersion").asBoolean()).isFalse();
      assertThat(removedChase.path("couldMoveTo").findValuesAsText("activityId"))
          .contains("Task_ChaseLateStepDownMeeting", "Task_ShareContingencyPlan")
          .doesNotContain("Event_StepDownApprovalLate", "End_StepDownApprovalChased", "Task_ChaseLateStepDownApproval");
      assertThat(approvalMove.path("inToVersion").asBoolean()).isTrue();
      assertThat(approvalMove.path("couldMoveTo")).as("its id is in the revision: nothing to choose").isEmpty();
      assertThat(unmovableIds(dryRun.json())).contains(id(journeys, "approvalChased"))
          .doesNotContain(ids(journeys, "meeting", "approval", "supervision", "reEmergenceTimer").toArray(String[]::new));
      assertThat(reasonsOf(dryRun.json(), id(journeys, "approvalChased"))).singleElement().asString()
          .contains("'Chase the late step-down approval' (Task_ChaseLateStepDownApproval)")
          .contains("which version " + toVersion + " does not have");
      assertThat(dryRun.json().path("moved").asInt()).isZero();
      assertThat(dryRun.json().path("migrationId").isTextual()).as("nothing recorded").isFalse();
      journeys.forEach((name, journey) -> assertThat(definitionOf(journey)).as(name + " after the dry run")
          .isEqualTo(before.get(name).definitionId()));

      // An explicit mapping shows in the dry run (the removed chase to the meeting's chase, as an owner might decide).
      Reply mapped = processOwner.post("/api/process-revisions/" + KEY + "/migrations", Map.of("fromVersion", fromVersion,
          "toVersion", toVersion, "dryRun", true,
          "mappings", List.of(Map.of("from", "Task_ChaseLateStepDownApproval", "to", "Task_ChaseLateStepDownMeeting"))));
      assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
      assertThat(activity(mapped.json(), "Task_ChaseLateStepDownApproval").path("movesTo").asText()).isEqualTo("Task_ChaseLateStepDownMeeting");
      assertThat(activity(mapped.json(), "Task_ChaseLateStepDownApproval").path("mappedInRequest").asBoolean()).isTrue();

      // The real run: the journeys that can move are handed to a Camunda batch (202, and where to follow it); the chased
      // approval is refused at once and left where it was.
      long approvalHistory = historyOf(journeys.get("approval"));
      Reply migration = processOwner.post("/api/process-revisions/" + KEY + "/migrations",
          Map.of("fromVersion", fromVersion, "toVersion", toVersion, "dryRun", false));
      assertThat(migration.status()).as(migration.body()).isEqualTo(202);
      int movable = migration.json().path("movable").asInt();
      assertThat(movable).isGreaterThanOrEqualTo(13);
      assertThat(migration.json().path("moved").asInt()).as("nothing moved within the request").isZero();
      assertThat(unmovableIds(migration.json())).contains(id(journeys, "approvalChased"));
      String batchId = migration.json().path("batchId").asText();
      String statusUrl = "/api/process-revisions/" + KEY + "/migrations/" + batchId;
      assertThat(migration.json().path("statusUrl").asText()).isEqualTo(statusUrl);
      assertThat(migration.headers().getLocation()).hasToString(statusUrl);
      assertThat(definitionOf(journeys.get("meeting"))).as("not moved before the batch runs").isEqualTo(before.get("meeting").definitionId());

      Reply waiting = processOwner.get(statusUrl);
      assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
      assertThat(waiting.json().path("state").asText()).isEqualTo("RUNNING");
      assertThat(waiting.json().path("jobs").path("total").asInt()).isEqualTo(movable);
      assertThat(waiting.json().path("jobs").path("done").asInt()).isZero();
      assertThat(outcome(waiting.json(), "Task_ChaseLateStepDownApproval").path("refused").asInt())
          .isEqualTo(activityCount(current, "Task_ChaseLateStepDownApproval"));
      assertThat(outcome(waiting.json(), "Task_HoldStepDownMeeting").path("pending").asInt()).isGreaterThanOrEqualTo(1);
      nobodyElseTouchesTheBatch(batchId);

      // The job executor is off in tests: the batch's jobs are run here, as the executor would run them.
      Batch batch = engine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
      runJobs(batch.getSeedJobDefinitionId());
      runJobs(batch.getBatchJobDefinitionId());
      Reply ran = processOwner.get(statusUrl);
      assertThat(ran.json().path("state").asText()).as(ran.body()).isEqualTo("FINISHED");
      assertThat(ran.json().path("jobs").path("done").asInt()).isEqualTo(movable);
      assertThat(ran.json().path("jobs").path("failed").asInt()).isZero();
      runJobs(batch.getMonitorJobDefinitionId());
      assertThat(engine.getManagementService().createBatchQuery().batchId(batchId).count()).as("removed by its monitor").isZero();
      Reply finished = processOwner.get(statusUrl);
      assertThat(finished.status()).as(finished.body()).isEqualTo(200);
      assertThat(finished.json().path("state").asText()).isEqualTo("FINISHED");
      assertThat(finished.json().path("migratedBy").asText()).isEqualTo(TestStaff.PROCESS_OWNER);
      JsonNode approvalOutcome = outcome(finished.json(), "Task_ApproveStepDownPlan");
      // Other test classes' journeys may wait at the approval on the same version: every one moves but those chased
      // (waiting at the removed chase as well), this test's chased approval among them.
      int chasedApprovals = activityCount(current, "Task_ChaseLateStepDownApproval");
      assertThat(approvalOutcome.path("refused").asInt()).as("a chased approval waits at both").isEqualTo(chasedApprovals);
      assertThat(approvalOutcome.path("moved").asInt())
          .isEqualTo(activityCount(current, "Task_ApproveStepDownPlan") - chasedApprovals);
      assertThat(approvalOutcome.path("pending").asInt()).isZero();
      assertThat(outcome(finished.json(), "Task_ChaseLateStepDownApproval").path("reasons").toString())
          .contains("'Chase the late step-down approval' (Task_ChaseLateStepDownApproval)");

      String targetDefinition = latest().getId();
      journeys.forEach((name, journey) -> {
        Snapshot was = before.get(name);
        Snapshot now = snapshot(journey);
        if (name.equals("approvalChased")) {
          assertThat(now).as("left untouched").isEqualTo(was);
        } else {
          assertThat(now.definitionId()).as(name + " moved").isEqualTo(targetDefinition);
          assertThat(now.tasks()).as(name + ": the same open tasks, assignees and due dates").isEqualTo(was.tasks());
          assertThat(now.timers()).as(name + ": the same timers, due when they were").isEqualTo(was.timers());
        }
      });
      assertThat(historyOf(journeys.get("approval"))).as("history kept").isEqualTo(approvalHistory);
      String migrationId = migration.json().path("migrationId").asText();
      MigrationAudit.RecordedMigration recorded = audit.find(migrationId);
      assertThat(recorded.migratedBy()).isEqualTo(TestStaff.PROCESS_OWNER);
      assertThat(recorded.fromVersion()).isEqualTo(fromVersion);
      assertThat(recorded.toVersion()).isEqualTo(toVersion);
      assertThat(recorded.batchId()).isEqualTo(batchId);
      assertThat(audit.find(migrationId).instancesMoved()).isEqualTo(movable);
      assertThat(audit.outcomes(migrationId)).filteredOn(outcome -> outcome.processInstanceId().equals(id(journeys, "approvalChased")))
          .singleElement().satisfies(outcome -> {
            assertThat(outcome.outcome()).isEqualTo("REFUSED");
            assertThat(outcome.childRef()).isEqualTo(journeys.get("approvalChased").childRef);
            assertThat(outcome.reason()).contains("Task_ChaseLateStepDownApproval");
          });
      assertThat(audit.outcomes(migrationId)).filteredOn(outcome -> outcome.processInstanceId().equals(id(journeys, "meeting")))
          .extracting(MigrationAudit.InstanceOutcome::outcome).containsExactly("MOVED");

      // Moved journeys carry on to the end on the new version, through the task added after the approval.
      StepDownDriver approval = journeys.get("approval");
      approval.managerDecidesStepDown("APPROVE");
      assertThat(approval.journey).isWaitingAtExactly("Task_ShareContingencyPlan");
      approval.complete("Task_ShareContingencyPlan", Map.of("contingencySharedWith", "School, health visitor and early help"));
      approval.watchPeriodPassesWell().impactReview("CLOSURE").holdClosureMeeting()
          .whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO")
          .whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO");
      assertThat(approval.journey).isEnded().hasPassed("Task_ShareContingencyPlan", "End_CaseClosed");

      EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
      StepDownDriver supervision = journeys.get("supervision");
      supervision.supervise("GOOD", "NO").watchPeriodPassesWell().impactReview("CLOSURE").holdClosureMeeting()
          .whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO")
          .whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO");
      assertThat(supervision.journey).isEnded().hasPassed("End_CaseClosed");

      StepDownDriver earlyHelp = journeys.get("earlyHelpTimer");
      earlyHelp.whenTimerFires("Event_EarlyHelpCheckDue").checkEarlyHelp("ENGAGING")
          .whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO")
          .whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO");
      assertThat(earlyHelp.journey).isEnded().hasPassed("End_SteppedDownToEarlyHelp");

      // The journey that could not move still runs on its version, and its chase can still be done there.
      StepDownDriver chased = journeys.get("approvalChased");
      chased.chase("Task_ChaseLateStepDownApproval");
      assertThat(chased.journey).isWaitingAtExactly("Task_ApproveStepDownPlan");
      assertThat(definitionOf(chased)).isEqualTo(before.get("approvalChased").definitionId());

    } finally {
      restoreTheApplicationsDiagram(revisedTag);
    }
  }

  @Test
  void onlyProcessOwnersAndAdministratorsSeeRevisionsAndMigrate_andABadRequestNamesEachField() {
    Reply worker = Api.as(port, TestStaff.WORKER).get("/api/process-revisions/" + KEY);
    assertThat(worker.status()).isEqualTo(403);
    assertThat(worker.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(Api.as(port, TestStaff.TEAM_MANAGER).post("/api/process-revisions/" + KEY + "/migrations",
        Map.of("fromVersion", 1, "toVersion", 2)).status()).isEqualTo(403);
    assertThat(Api.as(port, "ci.admin", "Ci-admin-pass-1").get("/api/process-revisions/" + KEY).status()).isEqualTo(200);
    assertThat(Api.anonymous(port).get("/api/process-revisions/" + KEY).status()).isEqualTo(401);

    Api processOwner = Api.as(port, TestStaff.PROCESS_OWNER);
    assertThat(processOwner.get("/api/process-revisions/noSuchProcess").status()).isEqualTo(404);
    int latest = latest().getVersion();
    Reply invalid = processOwner.post("/api/process-revisions/" + KEY + "/migrations", Map.of("fromVersion", latest,
        "toVersion", 999, "mappings", List.of(Map.of("from", "Task_Nowhere", "to", "Task_HoldStepDownMeeting"))));
    assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
    assertThat(invalid.body()).contains("toVersion 999 is not a deployed version");
    Reply sameVersion = processOwner.post("/api/process-revisions/" + KEY + "/migrations", Map.of("fromVersion", latest,
        "toVersion", latest));
    assertThat(sameVersion.status()).as(sameVersion.body()).isEqualTo(400);
    assertThat(sameVersion.body()).contains("toVersion must differ from fromVersion");
  }

  /**
   * A worker or a team manager can neither suspend nor delete the batch through /engine-rest, nor start one, nor see
   * it; anonymous callers are asked to log in. The batch is untouched.
   */
  private void nobodyElseTouchesTheBatch(String batchId) {
    for (String user : List.of(TestStaff.WORKER, TestStaff.TEAM_MANAGER)) {
      Api api = Api.as(port, user);
      assertThat(api.put("/engine-rest/batch/" + batchId + "/suspended", "{\"suspended\": true}").status()).as(user).isEqualTo(403);
      assertThat(api.delete("/engine-rest/batch/" + batchId).status()).as(user).isEqualTo(403);
      assertThat(api.post("/engine-rest/migration/executeAsync", Map.of("migrationPlan", Map.of(), "processInstanceIds",
          List.of())).status()).as(user).isEqualTo(403);
      Reply listed = api.get("/engine-rest/batch");
      assertThat(listed.status()).as(user).isEqualTo(200);
      assertThat(listed.body()).as(user).doesNotContain(batchId);
    }
    assertThat(Api.anonymous(port).get("/engine-rest/batch").status()).isEqualTo(401);
    assertThat(Api.anonymous(port).delete("/engine-rest/batch/" + batchId).status()).isEqualTo(401);
    Batch batch = engine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
    assertThat(batch).as("still there").isNotNull();
    assertThat(batch.isSuspended()).isFalse();
  }

  /** Runs the jobs of a job definition until none is left (a seed or monitor job may create the next one). */
  private void runJobs(String jobDefinitionId) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().jobDefinitionId(jobDefinitionId).list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("Jobs of " + jobDefinitionId + " still left after 100 rounds");
  }

  private long historyOf(StepDownDriver journey) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(journey.journey.getId()).count();
  }

  private static JsonNode outcome(JsonNode status, String activityId) {
    for (JsonNode activity : status.path("activities")) {
      if (activity.path("activityId").asText().equals(activityId)) {
        return activity;
      }
    }
    throw new AssertionError("No activity " + activityId + " in " + status);
  }

  // --- the journeys and what is compared before and after

  record Snapshot(String definitionId, List<String> tasks, List<String> timers) {}

  private StepDownDriver start(String destination) {
    EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
    return new StepDownDriver(engine).planEnded(destination);
  }

  private Snapshot snapshot(StepDownDriver journey) {
    String id = journey.journey.getId();
    List<String> tasks = engine.getTaskService().createTaskQuery().processInstanceId(id).orderByTaskId().asc().list().stream()
        .map(task -> task.getId() + " " + task.getTaskDefinitionKey() + " " + task.getAssignee() + " " + time(task.getDueDate()))
        .toList();
    List<String> timers = engine.getManagementService().createJobQuery().processInstanceId(id).timers().orderByJobId().asc()
        .list().stream().map(job -> job.getId() + " " + activityOf(job) + " " + time(job.getDuedate())).toList();
    return new Snapshot(definitionOf(journey), tasks, timers);
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private static String time(Date date) {
    return date == null ? "none" : date.toInstant().toString();
  }

  private String definitionOf(StepDownDriver journey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey.journey.getId()).singleResult()
        .getProcessDefinitionId();
  }

  private ProcessDefinition latest() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }

  private static String id(Map<String, StepDownDriver> journeys, String name) {
    return journeys.get(name).journey.getId();
  }

  private static List<String> ids(Map<String, StepDownDriver> journeys, String... names) {
    return Stream.of(names).map(name -> id(journeys, name)).toList();
  }

  private static JsonNode version(JsonNode revisions, int version) {
    for (JsonNode node : revisions.path("versions")) {
      if (node.path("version").asInt() == version) {
        return node;
      }
    }
    throw new AssertionError("No version " + version + " in " + revisions);
  }

  private static int activityCount(JsonNode version, String activityId) {
    for (JsonNode activity : version.path("activities")) {
      if (activity.path("activityId").asText().equals(activityId)) {
        return activity.path("instances").asInt();
      }
    }
    return 0;
  }

  private static JsonNode activity(JsonNode report, String activityId) {
    for (JsonNode activity : report.path("activities")) {
      if (activity.path("activityId").asText().equals(activityId)) {
        return activity;
      }
    }
    throw new AssertionError("No activity " + activityId + " in " + report);
  }

  private static List<String> unmovableIds(JsonNode report) {
    List<String> ids = new ArrayList<>();
    report.path("unmovable").forEach(instance -> ids.add(instance.path("processInstanceId").asText()));
    return ids;
  }

  private static List<String> reasonsOf(JsonNode report, String processInstanceId) {
    for (JsonNode instance : report.path("unmovable")) {
      if (instance.path("processInstanceId").asText().equals(processInstanceId)) {
        List<String> reasons = new ArrayList<>();
        instance.path("reasons").forEach(reason -> reasons.add(reason.asText()));
        return reasons;
      }
    }
    throw new AssertionError(processInstanceId + " is not listed as unmovable");
  }

  // --- the revision, deployed as Modeler deploys it

  static final String SHARE_FORM = """
      {"id": "share-contingency-plan", "type": "default", "schemaVersion": 16, "components": [
        {"type": "textarea", "id": "Field_sharedWith", "key": "contingencySharedWith",
         "label": "Who the contingency plan was shared with", "validate": {"required": true}}]}
      """;

  /** The step-down diagram revised: a task renamed, one added after the approval, one removed. Returns its tag. */
  private String deployRevision() throws IOException {
    String diagram = Files.readString(Path.of("processes/step-down-from-protection.bpmn"));
    Matcher tag = Pattern.compile("camunda:versionTag=\"([^\"]+)\"").matcher(diagram);
    assertThat(tag.find()).isTrue();
    String revisedTag = tag.group(1) + "-revised-" + UUID.randomUUID().toString().substring(0, 4);
    String revised = diagram.replace(tag.group(0), "camunda:versionTag=\"" + revisedTag + "\"")
        // renamed
        .replace("name=\"Approve step-down plan\"", "name=\"Approve the step-down plan\"")
        // removed: the late approval's timer now ends at once
        .replaceAll("(?s)<bpmn:userTask id=\"Task_ChaseLateStepDownApproval\".*?</bpmn:userTask>", "")
        .replaceAll("(?s)<bpmndi:BPMNShape id=\"Task_ChaseLateStepDownApproval_di\".*?</bpmndi:BPMNShape>", "")
        .replaceAll("(?s)<bpmndi:BPMNEdge id=\"Flow_ApprovalChasedToEnd_di\".*?</bpmndi:BPMNEdge>", "")
        .replace("<bpmn:sequenceFlow id=\"Flow_ApprovalChasedToEnd\" sourceRef=\"Task_ChaseLateStepDownApproval\" targetRef=\"End_StepDownApprovalChased\" />", "")
        .replace("<bpmn:sequenceFlow id=\"Flow_ApprovalLateToChase\" sourceRef=\"Event_StepDownApprovalLate\" targetRef=\"Task_ChaseLateStepDownApproval\" />",
            "<bpmn:sequenceFlow id=\"Flow_ApprovalLateToChase\" sourceRef=\"Event_StepDownApprovalLate\" targetRef=\"End_StepDownApprovalChased\" />")
        .replace("<bpmn:incoming>Flow_ApprovalChasedToEnd</bpmn:incoming>", "<bpmn:incoming>Flow_ApprovalLateToChase</bpmn:incoming>")
        // added after the approval, before the watch period
        .replace("<bpmn:sequenceFlow id=\"Flow_StartWatchPeriod\" sourceRef=\"Gateway_StartWatchPeriod\" targetRef=\"SubProcess_WatchPeriod\" />",
            """
            <bpmn:sequenceFlow id="Flow_StartWatchPeriod" sourceRef="Gateway_StartWatchPeriod" targetRef="Task_ShareContingencyPlan" />
            <bpmn:userTask id="Task_ShareContingencyPlan" name="Share the contingency plan" camunda:assignee="${allocatedWorker}" camunda:candidateGroups="social-workers" camunda:dueDate="${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}" camunda:formRef="share-contingency-plan" camunda:formRefBinding="deployment">
              <bpmn:incoming>Flow_StartWatchPeriod</bpmn:incoming>
              <bpmn:outgoing>Flow_SharedToWatchPeriod</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_SharedToWatchPeriod" sourceRef="Task_ShareContingencyPlan" targetRef="SubProcess_WatchPeriod" />
            """);
    assertThat(revised).doesNotContain("Task_ChaseLateStepDownApproval").contains("Task_ShareContingencyPlan");
    Map<String, String> files = formsOf(Path.of("forms"));
    files.put("share-contingency-plan.form", SHARE_FORM);
    files.put("step-down-from-protection.bpmn", revised);
    Reply deployed = deployAsProcessOwner(files);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    return revisedTag;
  }

  /**
   * Later test classes in this JVM start step-down journeys by key: the application's own diagram is deployed again
   * as the latest version (its own version tag differs from the revision's, so the deployment checks pass).
   */
  private void restoreTheApplicationsDiagram(String revisedTag) throws IOException {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("restore-after-migration-test");
    formsOf(Path.of("forms")).forEach(builder::addString);
    builder.addString("step-down-from-protection.bpmn", Files.readString(Path.of("processes/step-down-from-protection.bpmn")));
    builder.deploy();
    assertThat(latest().getVersionTag()).isNotEqualTo(revisedTag);
  }

  private static Map<String, String> formsOf(Path folder) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> forms = Files.list(folder)) {
      for (Path form : forms.sorted().toList()) {
        files.put(form.getFileName().toString(), Files.readString(form));
      }
    }
    return files;
  }

  private Reply deployAsProcessOwner(Map<String, String> files) {
    String boundary = "----revision" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder body = new StringBuilder();
    body.append(part(boundary, "deployment-name", null, "step-down revision"));
    body.append(part(boundary, "deployment-source", null, "Camunda Modeler"));
    files.forEach((name, content) -> body.append(part(boundary, name, name, content)));
    body.append("--").append(boundary).append("--\r\n");
    return Api.as(port, TestStaff.PROCESS_OWNER).post("/engine-rest/deployment/create",
        MediaType.parseMediaType("multipart/form-data; boundary=" + boundary + "; charset=UTF-8"), body.toString());
  }

  private static String part(String boundary, String name, String filename, String content) {
    return "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
        + (filename == null ? "" : "Content-Type: application/octet-stream\r\n")
        + "\r\n" + content + "\r\n";
  }
}
