package org.safeguardingworkflows.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.safeguardingworkflows.deployments.StoredDeploymentsReview;
import org.safeguardingworkflows.platform.cluster.ClusterStartUpLock;
import org.safeguardingworkflows.retention.StoredDefinitionsFollowThePolicy;
import org.safeguardingworkflows.security.AdminAccount;
import org.safeguardingworkflows.security.RoleAuthorizations;
import org.safeguardingworkflows.security.RoleGroups;
import org.safeguardingworkflows.security.StartingStaff;
import org.safeguardingworkflows.security.StoredFilterExpressions;
import org.safeguardingworkflows.security.TaskFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Everything the application sets up in its database at start, in one written order. It runs as soon as the steps
 * exist, while the application's beans are being made: after the schema is migrated (Liquibase runs before the engine
 * is built, see {@link EngineStartsAfterSchemaMigration}) and before the web server takes requests, so no one reaches
 * a half-set-up application, and a failed step stops the start before anything else is set going. On PostgreSQL the
 * node holds the {@link ClusterStartUpLock} the whole time: two nodes never run the sequence at once.
 *
 * <p>Why this order:
 * <ol>
 * <li>role groups: every grant, membership and filter below names one;</li>
 * <li>authorizations: the roles' grants (and the administrators' on every resource);</li>
 * <li>administrator: a member of the administrators' group, which must exist;</li>
 * <li>starting staff ({@link StartingStaff}: the demo's users, the tests' staff; none in production): their teams
 *     and memberships, before the filters, so that each team gets its "My team's tasks" and each practitioner their
 *     "My tasks" at the first start;</li>
 * <li>stored filter expressions: filters holding expressions are removed before the filters are made, so a removed
 *     filter of ours is made again, clean;</li>
 * <li>task filters: the roles' filters, one per practitioner, one per team;</li>
 * <li>deployment: the diagrams and forms, checked by the engine as they are deployed;</li>
 * <li>stored deployments review: reads every stored deployment, the new one included, against today's rules;</li>
 * <li>retention: every stored process version, the new ones included, takes the policy's history time to live.</li>
 * </ol>
 */
@Component
public class StartUpSequence implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(StartUpSequence.class);

  private final List<StartUpStep> steps;

  @Autowired
  public StartUpSequence(RoleGroups roleGroups, RoleAuthorizations roleAuthorizations, AdminAccount adminAccount,
      ObjectProvider<StartingStaff> startingStaff, StoredFilterExpressions storedFilterExpressions,
      TaskFilters taskFilters, ProcessDeployment processDeployment, StoredDeploymentsReview storedDeploymentsReview,
      StoredDefinitionsFollowThePolicy storedDefinitionsFollowThePolicy) {
    this(inOrder(roleGroups, roleAuthorizations, adminAccount, startingStaff.orderedStream().toList(),
        storedFilterExpressions, taskFilters, processDeployment, storedDeploymentsReview,
        storedDefinitionsFollowThePolicy));
  }

  /** Any steps, in the order given: for the unit test of running them. */
  StartUpSequence(List<StartUpStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The order, written once. The starting staff are independent of each other (demo users, test staff). */
  static List<StartUpStep> inOrder(RoleGroups roleGroups, RoleAuthorizations roleAuthorizations,
      AdminAccount adminAccount, List<? extends StartingStaff> startingStaff,
      StoredFilterExpressions storedFilterExpressions, TaskFilters taskFilters, ProcessDeployment processDeployment,
      StoredDeploymentsReview storedDeploymentsReview,
      StoredDefinitionsFollowThePolicy storedDefinitionsFollowThePolicy) {
    List<StartUpStep> inOrder = new ArrayList<>();
    inOrder.add(roleGroups);
    inOrder.add(roleAuthorizations);
    inOrder.add(adminAccount);
    inOrder.addAll(startingStaff);
    inOrder.add(storedFilterExpressions);
    inOrder.add(taskFilters);
    inOrder.add(processDeployment);
    inOrder.add(storedDeploymentsReview);
    inOrder.add(storedDefinitionsFollowThePolicy);
    inOrder.forEach(Objects::requireNonNull);
    return inOrder;
  }

  List<String> stepNames() {
    return steps.stream().map(StartUpStep::name).toList();
  }

  /**
   * Every step exists: set up, step by step. Here rather than once every bean exists: a start that fails must fail
   * before the Camunda webapps take hold of the application context (they keep it in a static field, which a context
   * that failed later would leave behind for the next one in the same JVM).
   */
  @Override
  public void afterPropertiesSet() {
    run();
  }

  void run() {
    for (StartUpStep step : steps) {
      long started = System.nanoTime();
      try {
        step.run();
      } catch (RuntimeException e) {
        throw new StartUpStepFailed(step.name(), e);
      }
      log.info("Start-up step '{}' done in {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** Names the step in the start-up failure; the cause says what went wrong. */
  public static class StartUpStepFailed extends RuntimeException {
    StartUpStepFailed(String step, RuntimeException cause) {
      super("Start-up step '" + step + "' failed: " + cause.getMessage(), cause);
    }
  }
}
