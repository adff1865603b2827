package org.safeguardingworkflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.security.ListenersRunUnlessAnAdministratorSkipsThem.SkipFlags;

/**
 * The interceptor sees the skip flags of every command that has them, wherever Camunda keeps them: on the command
 * (deletions) or on the builder it carries (modification, restart, migration, start at chosen activities, and their
 * batch variants). The REST test ListenersAndHistoryProtectionTest shows the refusal end to end.
 */
class SkipFlagsTest {

  @Test
  void deletionsCarryTheirFlagsOnTheCommand() {
    assertSkips(new DeleteProcessInstancesCmd(List.of("i"), "r", true, false, false, false, false),
        new DeleteProcessInstancesCmd(List.of("i"), "r", false, false, false, false, false));
    assertSkips(new DeleteProcessInstancesCmd(List.of("i"), "r", false, false, false, false, true),
        new DeleteProcessInstancesCmd(List.of("i"), "r", false, true, true, true, false));
    assertSkips(new DeleteProcessInstanceBatchCmd(List.of("i"), null, null, "r", true, false, false),
        new DeleteProcessInstanceBatchCmd(List.of("i"), null, null, "r", false, false, false));
    assertSkips(new DeleteDeploymentCmd("d", true, true, false), new DeleteDeploymentCmd("d", true, false, false));
    assertSkips(new DeleteProcessDefinitionsByIdsCmd(List.of("p"), true, false, true),
        new DeleteProcessDefinitionsByIdsCmd(List.of("p"), true, false, false));
  }

  @Test
  void modificationsRestartsAndMigrationsCarryThemOnTheirBuilders() {
    assertSkips(new ModifyProcessInstanceCmd(modification(true)), new ModifyProcessInstanceCmd(modification(false)));
    assertSkips(new ModifyProcessInstanceAsyncCmd(modification(true)), new ModifyProcessInstanceAsyncCmd(modification(false)));
    assertSkips(new ProcessInstanceModificationCmd((ModificationBuilderImpl) new ModificationBuilderImpl(null, "p").skipCustomListeners(), false),
        new ProcessInstanceModificationCmd(new ModificationBuilderImpl(null, "p"), false));
    assertSkips(new ProcessInstanceModificationBatchCmd((ModificationBuilderImpl) new ModificationBuilderImpl(null, "p").skipIoMappings()),
        new ProcessInstanceModificationBatchCmd(new ModificationBuilderImpl(null, "p")));
    assertSkips(new RestartProcessInstancesCmd(null, (RestartProcessInstanceBuilderImpl) new RestartProcessInstanceBuilderImpl("p").skipCustomListeners()),
        new RestartProcessInstancesCmd(null, new RestartProcessInstanceBuilderImpl("p")));
    assertSkips(new MigrateProcessInstanceCmd((MigrationPlanExecutionBuilderImpl) new MigrationPlanExecutionBuilderImpl(null, null).skipIoMappings(), false),
        new MigrateProcessInstanceCmd(new MigrationPlanExecutionBuilderImpl(null, null), false));
    assertSkips(new MigrateProcessInstanceBatchCmd((MigrationPlanExecutionBuilderImpl) new MigrationPlanExecutionBuilderImpl(null, null).skipCustomListeners()),
        new MigrateProcessInstanceBatchCmd(new MigrationPlanExecutionBuilderImpl(null, null)));
    assertSkips(new StartProcessInstanceAtActivitiesCmd(instantiation(true)), new StartProcessInstanceAtActivitiesCmd(instantiation(false)));
  }

  private static ProcessInstanceModificationBuilderImpl modification(boolean skip) {
    ProcessInstanceModificationBuilderImpl builder = new ProcessInstanceModificationBuilderImpl("i");
    builder.setSkipCustomListeners(skip);
    return builder;
  }

  private static ProcessInstantiationBuilderImpl instantiation(boolean skip) {
    ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl.createProcessInstanceById(null, "p");
    builder.getModificationBuilder().setSkipIoMappings(skip);
    return builder;
  }

  private static void assertSkips(Command<?> skipping, Command<?> notSkipping) {
    assertThat(SkipFlags.of(skipping.getClass()).test(skipping)).as(skipping.getClass().getSimpleName() + " skipping").isTrue();
    assertThat(SkipFlags.of(notSkipping.getClass()).test(notSkipping)).as(notSkipping.getClass().getSimpleName() + " not skipping").isFalse();
  }
}
