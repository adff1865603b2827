package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.StartLinkedProcess;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process of the same child proposes the conference through its message throw event and {@code startLinkedProcess},
 * as the step-down journey's contingency review will: the two instances are linked both ways, a second proposal links
 * to the open one, and an invalid proposal is refused back to the proposing task. A test-only process stands in for
 * the journey.
 */
@ApplicationTest
class RepeatIcpcLinkTest {

  static final String ORIGIN = "repeatIcpcOriginStub";

  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;

  @BeforeEach
  void deployTheStandIn() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ORIGIN).count() == 0) {
      engine.getRepositoryService().createDeployment().name("test-repeat-icpc-origin-stub")
          .addClasspathResource("test-processes/repeat-icpc-origin-stub.bpmn").deploy();
    }
  }

  @Test
  void theProposingProcessAndTheProposalAreLinkedBothWays_andASecondProposalJoinsTheOpenOne() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear();

    String origin = startOrigin(child.childRef, EngineClock.today().toString());

    String proposal = (String) engine.getRuntimeService().getVariable(origin, StartLinkedProcess.linkVariable(MESSAGE_PROPOSED));
    assertThat(proposal).isNotNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(proposal).singleResult().getBusinessKey())
        .isEqualTo(child.childRef);
    assertThat(engine.getRuntimeService().getVariable(proposal, ORIGIN_PROCESS_INSTANCE_ID.name())).isEqualTo(origin);
    assertThat(engine.getRuntimeService().getVariable(proposal, ORIGIN_PROCESS_KEY.name())).isEqualTo(ORIGIN);
    assertThat(engine.getRuntimeService().getVariable(proposal, CATEGORY_OF_ABUSE.name())).isEqualTo("EMO");
    assertThat(engine.getRuntimeService().getVariable(proposal, PROPOSED_BY.name())).isEqualTo(TestStaff.WORKER);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(proposal).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_PrepareHistorySummary");

    String secondOrigin = startOrigin(child.childRef, EngineClock.today().toString());
    assertThat(engine.getRuntimeService().getVariable(secondOrigin, StartLinkedProcess.linkVariable(MESSAGE_PROPOSED))).isEqualTo(proposal);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(child.childRef).count()).isEqualTo(1);
  }

  @Test
  void anInvalidProposalIsRefusedToTheProposingProcess_andNothingStarts() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear();
    String tomorrow = EngineClock.today().plusDays(1).toString();
    assertThatThrownBy(() -> startOrigin(child.childRef, tomorrow))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("cannot be in the future");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(child.childRef).count()).isZero();
  }

  @Test
  void startedFromTasklistsStartFormTheChildReferenceBecomesTheBusinessKey_andMustMatchOneGiven() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear();
    Map<String, Object> startForm = RepeatIcpcDriver.proposalVariables(child.childRef, EngineClock.today());
    String proposal = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, startForm).getId();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(proposal).singleResult().getBusinessKey())
        .isEqualTo(child.childRef);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(proposal).singleResult().getName())
        .isEqualTo("Prepare the history summary - " + child.childRef);

    RepeatIcpcDriver other = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear();
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, "C-SOMEONE-ELSE",
        RepeatIcpcDriver.proposalVariables(other.childRef, EngineClock.today())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("The child reference does not match the child this work was started for");
  }

  private String startOrigin(String childRef, String strategyDiscussionDate) {
    Map<String, Object> journey = new HashMap<>();
    journey.put("strategyDiscussionDate", strategyDiscussionDate);
    journey.put("proposedCategoryOfAbuse", "EMO");
    journey.put("strategyConcernsSummary", "Emotional harm from repeated domestic abuse incidents");
    journey.put("allocatedWorker", TestStaff.WORKER);
    return engine.getRuntimeService().startProcessInstanceByKey(ORIGIN, childRef, journey).getId();
  }
}
