package org.safeguardingworkflows.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs engine work that the application itself does on a user's behalf (checking that a named worker exists,
 * raising a concern on a journey, handing tasks to a new worker) without the caller's Camunda authorizations.
 * The caller's right to ask has already been checked by the code that calls this. Every use says why, as a
 * {@link Reason}, and is logged at debug with that reason only (never the child or the work's data), so elevated access
 * can be reviewed in one list rather than in every capability. Controllers never raise it: the capability's service
 * does, after its own checks ({@code ElevatedAccessTest}).
 */
@Component
public class SystemAccess {

  /** Why the application acts beyond the caller's Camunda authorizations: one entry per kind of need. */
  public enum Reason {
    STAFF_DIRECTORY("Staff and teams named in a request are checked whoever asks: practitioners may not list users and groups."),
    ONE_PER_CHILD("The one-per-child rules must see every running process of the child, the caller's team's or not."),
    FIND_BEFORE_VISIBILITY("A child's processes are found first and shown only if the caller may see them, so that hidden and "
        + "absent both answer 404."),
    READ_A_VISIBLE_CHILD("A process the caller may see (ChildAccess, ChildVisibility) is read whole: its variables, tasks and "
        + "timers carry other roles' and teams' grants."),
    MESSAGE_THE_CHILDS_PROCESS("An action the application has allowed reaches another process of the child by message; that "
        + "process is granted to another role or team."),
    HAND_OVER("A change of worker moves tasks, grants and holders in every process of the child; the caller's right to "
        + "allocate was checked."),
    END_THE_CHILDS_WORK("A life event ends every process of the child, whichever team holds them."),
    TEAM_GRANTS("A process's team grants are written by the application: no practitioner may write authorizations."),
    PROCESS_READS_ITSELF("A listener reads its own process's open tasks, which the completing user may not all see."),
    FORM_AS_DEPLOYED("A submitted form is checked again against the deployed form and its values, which the submitting user "
        + "may not read."),
    OVERDUE_TASKS("The scheduled overdue-task job has no user: it raises the priority of every overdue task."),
    RETENTION_POLICY("At start-up, with no user, stored process versions get the retention policy's time to live."),
    SET_UP_TEAMS("At start-up, with no user, the configured teams are created."),
    STAFF_PICKERS("A form's person lists offer the staff holding the role in the journey's team, by name: practitioners may "
        + "not list users and groups, nor read which team a task's journey belongs to."),
    STAFF_NAMES("A form names the staff its journey records (who gave each view, the worker, the IRO): practitioners may "
        + "not read users."),
    DEPLOYMENT_AUDIT("Who deployed a revision is read from the engine's operation log for the process owners who see revisions.");

    private final String why;

    Reason(String why) {
      this.why = why;
    }

    public String why() {
      return why;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(SystemAccess.class);

  private static final ThreadLocal<Integer> APPLICATION_WORK = ThreadLocal.withInitial(() -> 0);

  private final IdentityService identityService;

  public SystemAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Reason reason, Supplier<T> work) {
    // The reason only: what the work touches may name a child.
    log.debug("Acting beyond the caller's authorizations: {}", reason);
    APPLICATION_WORK.set(APPLICATION_WORK.get() + 1);
    try {
      if (Context.getCommandContext() != null) {
        // Inside a delegate or listener: the engine's own switch for the current command.
        return Context.getCommandContext().runWithoutAuthorization(work::get);
      }
      Authentication caller = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        return work.get();
      } finally {
        if (caller != null) {
          identityService.setAuthentication(caller);
        }
      }
    } finally {
      APPLICATION_WORK.set(APPLICATION_WORK.get() - 1);
    }
  }

  /**
   * Whether the current thread is doing the application's own work through this class. Listeners that check what a
   * person may do ask this: the engine switches authorization checks off for all custom code, and inside a delegate
   * the person's authentication stays set, so neither tells a person's request from the application's own work.
   */
  public static boolean isApplicationWork() {
    return APPLICATION_WORK.get() > 0;
  }

  public void run(Reason reason, Runnable work) {
    call(reason, () -> {
      work.run();
      return null;
    });
  }
}
