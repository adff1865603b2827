package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.platform.ShownDate;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task's due date is shown as a date in its form, and a task past it is raised to the overdue priority; over real
 * HTTP as Tasklist reads and submits the form.
 */
@ApplicationTest
class OverdueTasksStandOutTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired OverdueTasksStandOut overdueTasks;
  String childRef;

  @BeforeEach
  void aStepDownMeetingDueInAFewWorkingDays() {
    EngineClock.setTo(EngineClock.today(), LocalTime.of(9, 0));
    childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(Api.as(port, TestStaff.WORKER).post("/api/step-downs",
        StepDownDriver.startVariables(childRef, "CHILD_IN_NEED")).status()).isEqualTo(201);
  }

  @AfterEach
  void backToNow() {
    EngineClock.reset();
  }

  @Test
  void theFormShowsTheDueDateWrittenAsADate_andSubmittingItBackChangesNothing() {
    Task meeting = meeting();
    assertThat(meeting.getDueDate()).isNotNull();
    String dueBy = ShownDate.of(EngineClock.inLondon(meeting.getDueDate()).toLocalDate());

    assertThat(Api.as(port, TestStaff.WORKER).get("/engine-rest/task/" + meeting.getId() + "/form-variables").json()
        .path(DueDateShown.VARIABLE).path("value").asText()).matches("\\d{2}/\\d{2}/\\d{4}").isEqualTo(dueBy);

    Map<String, Object> answers = StepDownDriver.stepDownMeeting();
    answers.put(DueDateShown.VARIABLE, dueBy);
    assertThat(Api.as(port, TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/submit-form",
        FormAnswersOverHttpTest.variables(answers)).status()).as("the disabled field comes back as shown").isEqualTo(204);
    Task approval = taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey("Task_ApproveStepDownPlan")
        .singleResult();
    assertThat(taskService.getVariableLocal(approval.getId(), DueDateShown.VARIABLE))
        .as("each task shows its own due date").isEqualTo(ShownDate.of(EngineClock.inLondon(approval.getDueDate()).toLocalDate()));
    assertThat(taskService.getVariable(approval.getId(), StepDownVariables.MEETING_DATE.name())).isNotNull();
  }

  @Test
  void aTaskPastItsDueDateIsRaised_andAHigherPriorityIsNeverLowered() {
    Task meeting = meeting();
    overdueTasks.raiseOverdueTasks();
    assertThat(meeting().getPriority()).as("not yet due").isEqualTo(meeting.getPriority()).isLessThan(75);

    EngineClock.setTo(EngineClock.inLondon(meeting.getDueDate()).toLocalDate().plusDays(1), LocalTime.of(9, 0));
    overdueTasks.raiseOverdueTasks();
    assertThat(meeting().getPriority()).as("overdue").isEqualTo(75);

    taskService.setPriority(meeting.getId(), 100);
    overdueTasks.raiseOverdueTasks();
    assertThat(meeting().getPriority()).isEqualTo(100);
  }

  Task meeting() {
    return taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey("Task_HoldStepDownMeeting")
        .singleResult();
  }
}
