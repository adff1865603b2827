package org.safeguardingworkflows.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The forms name the staff a journey records ("IRO's view given by Ivy Roberts", "Social worker: Sam Walker"), not
 * their login ids. Every task carries, in a task-local JSON variable, the name of each member of staff its journey's
 * variables hold, keyed by login id ({@code {"iro.one": "Ivy Roberts"}}); a form reads
 * {@code {{if iroViewBy = null then "not recorded" else if get value(staffNames, iroViewBy) = null then ... else
 * get value(staffNames, iroViewBy)}}}. Written when the task is created, with {@link DatesInWords}: the names as the
 * task opened on them.
 * <p>
 * A name is shown by a form's text component, which renders Markdown: so only the server writes it (no form has a
 * field of this name, and staff may send a task only its form's fields), and only letters, spaces, hyphens,
 * apostrophes and full stops of a name are kept, whatever an administrator typed.
 */
@Component
public class StaffNames implements TaskListener {

  public static final ProcessVariable<Map<String, String>> STAFF_NAMES = ProcessVariable.lookUp("staffNames");

  /** A login id as the engine accepts one (application.yaml, user-resource-whitelist-pattern). */
  private static final Pattern LOGIN_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
  private static final Pattern NOT_IN_A_NAME = Pattern.compile("[^\\p{L}\\p{M} '.-]");

  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public StaffNames(IdentityService identityService, SystemAccess systemAccess) {
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  @Override
  public void notify(DelegateTask task) {
    // Not deserialized: only text can be a login id, and a list stored as a Java object need not read back as one.
    VariableMap variables = task.getVariablesTyped(false);
    List<String> texts = variables.keySet().stream().map(variables::getValueTyped)
        .filter(StringValue.class::isInstance).map(value -> ((StringValue) value).getValue()).toList();
    STAFF_NAMES.setLocalOn(task, namesOf(texts));
  }

  /** The name of each of these login ids that belongs to a member of staff (the others are left out). */
  public Map<String, String> namesOf(Collection<String> values) {
    String[] candidates = values.stream().filter(value -> value != null && LOGIN_ID.matcher(value).matches())
        .distinct().toArray(String[]::new);
    Map<String, String> names = new TreeMap<>();
    if (candidates.length > 0) {
      List<User> staff = systemAccess.call(SystemAccess.Reason.STAFF_NAMES,
          () -> identityService.createUserQuery().userIdIn(candidates).list());
      staff.forEach(user -> names.put(user.getId(), shown(StaffPickers.name(user))));
    }
    return names;
  }

  /** The name as a form's Markdown may show it. */
  static String shown(String name) {
    return NOT_IN_A_NAME.matcher(name).replaceAll("").trim();
  }
}
