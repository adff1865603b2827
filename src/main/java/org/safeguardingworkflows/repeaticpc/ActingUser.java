package org.safeguardingworkflows.repeaticpc;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.springframework.stereotype.Component;

/**
 * Who is completing a task, for the tasks where the role matters (a view, the joint decision, the override). In
 * Tasklist and over {@code /engine-rest} that is the authenticated user; when the application completes a task
 * with no one logged in (Java API), it is the task's assignee, who must then have been set to the person whose
 * view it is. Administrators get no exception: a view must come from a holder of the role.
 */
@Component
public class ActingUser {

  private final Staff staff;

  public ActingUser(Staff staff) {
    this.staff = staff;
  }

  /** The completing user, who must hold {@code role}; otherwise the completion is refused with a plain sentence. */
  public String requireRole(DelegateTask task, Role role, String what) {
    String authenticated = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    String user = authenticated != null ? authenticated : task.getAssignee();
    if (user == null) {
      throw new FormFieldValidationException(task.getTaskDefinitionKey(),
          "Assign this task to the " + what + " before completing it: " + describe(role) + " must give it.");
    }
    if (!staff.hasRole(user, role)) {
      throw new FormFieldValidationException(task.getTaskDefinitionKey(),
          "Only " + describe(role) + " can complete this task, and you are not one of them.");
    }
    return user;
  }

  private static String describe(Role role) {
    return role.displayName().toLowerCase();
  }
}
