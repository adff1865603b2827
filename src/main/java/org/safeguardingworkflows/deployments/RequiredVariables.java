package org.safeguardingworkflows.deployments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.safeguardingworkflows.platform.StartLinkedProcess;
import org.safeguardingworkflows.tasks.DeployedForm;
import org.safeguardingworkflows.tasks.TaskConventions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Required variables are produced upstream": every variable an element reads must be recorded on every path that
 * reaches it, or a journey on the path that does not record it fails there, months after the deployment, with an
 * engine error nobody in the service can read.
 *
 * <p>A forward data-flow over each process's graph ("definitely recorded" sets, the intersection over the ways in; a
 * parallel join waits for every branch, so there it is the union). What records a variable: the process's start (its
 * start form or {@code camunda:formData} fields, and the variables the application starts it with:
 * {@link StartsProcessWith}), a message event (what
 * the application sends with the message: {@link CorrelatesMessageWith}), a user task's form fields (editable ones,
 * once the task is completed), output mappings and result variables, a multi-instance element variable (inside the
 * element), and a delegate or listener that declares what it writes ({@link WritesVariables}). What reads one: a
 * sequence flow's condition, a timer, a user task's due date, follow-up date and owners, input mappings, a form's
 * read-only or disabled fields (of a form deployed with the diagram), and {@code ${...}} in a delegate's fields. A boundary event sees what its activity
 * saw when it began; an event sub-process what its scope had when it began; a sub-process adds to the journey what
 * all of its ends have recorded.
 *
 * <p>In an expression, a name followed by {@code .} or {@code (} is a bean or a method (such as
 * {@code workingDays.after(...)}); any other name is a variable.
 */
final class RequiredVariables {

  private static final String LINKED_START = "startLinkedProcess";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*[.(\\w])");
  private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof",
      // the engine's own: the execution or task itself, the user, and a multi-instance element's counters
      "execution", "task", "authenticatedUserId", "loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");

  /** A read of a variable by an element. */
  private record Read(String elementId, String elementName, String variable) {}

  private final String resourceName;
  private final String processKey;
  private final Map<String, JsonNode> forms;
  /** Forms deployed with the diagram: their read-only fields are the diagram's reads (see checkReads). */
  private final Set<String> formsInDeployment;
  private final VariableSources sources;
  private final Map<String, Read> missing = new LinkedHashMap<>();
  private final Map<String, Read> unsent = new LinkedHashMap<>();
  /** What reached each node on every path, as the report found it: an escalation's sub-process starts from there. */
  private final Map<String, Set<String>> reached = new HashMap<>();

  private RequiredVariables(String resourceName, String processKey, Map<String, JsonNode> forms,
      Set<String> formsInDeployment, VariableSources sources) {
    this.resourceName = resourceName;
    this.processKey = processKey;
    this.forms = forms;
    this.formsInDeployment = formsInDeployment;
    this.sources = sources;
  }

  /** Every variable of the diagram read where some path reaches it without recording it, each once per element. */
  static List<Refusal> check(String resourceName, BpmnModelInstance model, Map<String, JsonNode> forms,
      Set<String> formsInDeployment, VariableSources sources) {
    List<Refusal> refusals = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      RequiredVariables check = new RequiredVariables(resourceName, process.getId(), forms, formsInDeployment, sources);
      check.scope(process.getFlowElements(), Set.of(), true);
      check.missing.values().forEach(read -> refusals.add(new Refusal(resourceName, read.elementId(),
          "'" + read.elementName() + "' (" + read.elementId() + ") reads '" + read.variable()
              + "', which nothing before it records on every path: record it earlier (a form field, the start, a "
              + "delegate that declares it writes it), or read it only where it is recorded")));
      check.unsent.values().forEach(read -> refusals.add(new Refusal(resourceName, read.elementId(),
          "'" + read.elementName() + "' (" + read.elementId() + ") starts another process without '" + read.variable()
              + "', which that process needs from its message: map it as an input parameter of the event")));
    }
    return refusals;
  }

  /**
   * The variables recorded on every way out of a scope entered with {@code entry}; when {@code report}, each read
   * of a variable not recorded on every path to it is noted.
   */
  private Set<String> scope(Collection<FlowElement> elements, Set<String> entry, boolean report) {
    List<FlowNode> nodes = new ArrayList<>();
    List<SubProcess> eventSubProcesses = new ArrayList<>();
    // From the flows' own source and target, as the engine reads them (a node's incoming/outgoing are optional).
    Map<FlowNode, List<SequenceFlow>> incoming = new HashMap<>();
    Map<FlowNode, List<SequenceFlow>> outgoing = new HashMap<>();
    for (FlowElement element : elements) {
      if (element instanceof SequenceFlow flow) {
        outgoing.computeIfAbsent(flow.getSource(), ignored -> new ArrayList<>()).add(flow);
        incoming.computeIfAbsent(flow.getTarget(), ignored -> new ArrayList<>()).add(flow);
      }
    }
    for (FlowElement element : elements) {
      if (element instanceof SubProcess sub && sub.triggeredByEvent()) {
        eventSubProcesses.add(sub);
      } else if (element instanceof FlowNode node) {
        nodes.add(node);
      }
    }
    Map<FlowNode, Set<String>> in = new HashMap<>();
    Map<FlowNode, Set<String>> out = new HashMap<>();
    boolean changed = true;
    for (int round = 0; changed && round < nodes.size() * 4 + 10; round++) {
      changed = false;
      for (FlowNode node : nodes) {
        Set<String> nodeIn = waysIn(node, incoming.getOrDefault(node, List.of()), entry, in, out);
        if (nodeIn == null) {
          continue; // not yet reached: "everything", the top of the lattice
        }
        Set<String> nodeOut = new HashSet<>(nodeIn);
        nodeOut.addAll(records(node, nodeIn, false));
        if (!nodeIn.equals(in.get(node)) || !nodeOut.equals(out.get(node))) {
          in.put(node, nodeIn);
          out.put(node, nodeOut);
          changed = true;
        }
      }
    }
    Set<String> atEnd = null;
    for (FlowNode node : nodes) {
      Set<String> nodeIn = in.get(node);
      if (nodeIn == null) {
        continue;
      }
      if (report) {
        reached.put(node.getId(), nodeIn);
        checkReads(node, nodeIn);
        records(node, nodeIn, true);
        for (SequenceFlow flow : outgoing.getOrDefault(node, List.of())) {
          ConditionExpression condition = flow.getConditionExpression();
          if (condition != null) {
            need(flow, condition.getTextContent(), out.get(node));
          }
        }
      }
      if (!outgoing.containsKey(node)) {
        atEnd = intersect(atEnd, out.get(node));
      }
    }
    // An event sub-process starts when a message or timer arrives, which happens only while the scope waits (at a
    // task, a catching event, a sub-process): what is recorded at every one of its waits is certain there.
    Set<String> whileWaiting = null;
    for (FlowNode node : nodes) {
      if (waits(node)) {
        whileWaiting = intersect(whileWaiting, in.get(node));
      }
    }
    for (SubProcess sub : eventSubProcesses) {
      Set<String> atThrow = report ? atEscalations(sub) : null;
      scope(sub.getFlowElements(), atThrow != null ? atThrow : whileWaiting == null ? entry : whileWaiting, report);
    }
    return atEnd == null ? entry : atEnd;
  }

  /**
   * An event sub-process started by an escalation (or error) the process throws itself starts with what every such
   * throw had; null when it is started otherwise, or no throw of it has been reached.
   */
  private Set<String> atEscalations(SubProcess sub) {
    Set<String> codes = new HashSet<>();
    for (StartEvent start : sub.getChildElementsByType(StartEvent.class)) {
      for (EventDefinition definition : start.getEventDefinitions()) {
        if (definition instanceof org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition escalation
            && escalation.getEscalation() != null) {
          codes.add("escalation:" + escalation.getEscalation().getId());
        } else if (definition instanceof org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition error
            && error.getError() != null) {
          codes.add("error:" + error.getError().getId());
        }
      }
    }
    if (codes.isEmpty()) {
      return null;
    }
    Set<String> atThrows = null;
    for (ThrowEvent thrower : sub.getModelInstance().getModelElementsByType(ThrowEvent.class)) {
      for (EventDefinition definition : thrower.getEventDefinitions()) {
        String code = definition instanceof org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition escalation
            && escalation.getEscalation() != null ? "escalation:" + escalation.getEscalation().getId()
            : definition instanceof org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition error && error.getError() != null
                ? "error:" + error.getError().getId() : null;
        if (code != null && codes.contains(code) && reached.containsKey(thrower.getId())) {
          atThrows = intersect(atThrows, reached.get(thrower.getId()));
        }
      }
    }
    return atThrows;
  }

  private static boolean waits(FlowNode node) {
    return node instanceof UserTask || node instanceof org.camunda.bpm.model.bpmn.instance.ReceiveTask
        || node instanceof org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent
        || node instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway
        || (node instanceof SubProcess sub && !sub.triggeredByEvent())
        || node instanceof org.camunda.bpm.model.bpmn.instance.CallActivity
        || (node instanceof Activity activity && activity.isCamundaAsyncBefore());
  }

  /** What is recorded on every way into the node; null while none of its ways in has been reached. */
  private Set<String> waysIn(FlowNode node, List<SequenceFlow> ways, Set<String> entry, Map<FlowNode, Set<String>> in, Map<FlowNode, Set<String>> out) {
    if (node instanceof BoundaryEvent boundary) {
      Set<String> seen = in.get(boundary.getAttachedTo());
      return seen == null ? null : withMessage(boundary, seen);
    }
    if (ways.isEmpty()) {
      Set<String> start = new HashSet<>(entry);
      if (node instanceof StartEvent) {
        start.addAll(startRecords((StartEvent) node));
      }
      return start;
    }
    boolean joinsAll = node instanceof ParallelGateway && ways.size() > 1;
    Set<String> result = null;
    for (SequenceFlow flow : ways) {
      Set<String> before = out.get(flow.getSource());
      if (before == null) {
        if (joinsAll) {
          return null; // a parallel join waits for every branch
        }
        continue;
      }
      if (result == null) {
        result = new HashSet<>(before);
      } else if (joinsAll) {
        result.addAll(before);
      } else {
        result.retainAll(before);
      }
    }
    return result == null ? null : withMessage(node, result);
  }

  private Set<String> withMessage(FlowNode node, Set<String> seen) {
    if (!(node instanceof CatchEvent catchEvent)) {
      return seen;
    }
    Set<String> with = new HashSet<>(seen);
    for (EventDefinition definition : catchEvent.getEventDefinitions()) {
      if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
        with.addAll(sources.sentWith(message.getMessage().getName()));
      }
    }
    return with;
  }

  /** What a start event records: its start form, the application's start variables or the message's. */
  private Set<String> startRecords(StartEvent start) {
    Set<String> recorded = new HashSet<>();
    if (start.getCamundaFormRef() != null) {
      JsonNode form = forms.get(start.getCamundaFormRef());
      if (form != null) {
        recorded.addAll(DeployedForm.inputKeys(form));
      }
    }
    if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()) {
      recorded.addAll(sources.startedWith(processKey));
    }
    // Camunda's generated start form (camunda:formData): how a process started from outside the application says
    // what it is started with.
    ExtensionElements extensions = start.getExtensionElements();
    if (extensions != null) {
      extensions.getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData.class).list()
          .forEach(formData -> formData.getCamundaFormFields().forEach(field -> recorded.add(field.getCamundaId())));
    }
    for (EventDefinition definition : start.getEventDefinitions()) {
      if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
        recorded.addAll(sources.sentWith(message.getMessage().getName()));
      }
    }
    return recorded;
  }

  /** What the node adds to the journey once it is done; with {@code report}, its inner reads are checked too. */
  private Set<String> records(FlowNode node, Set<String> nodeIn, boolean report) {
    Set<String> recorded = new HashSet<>();
    Set<String> local = local(node, nodeIn);
    if (node instanceof UserTask task && task.getCamundaFormRef() != null) {
      JsonNode form = forms.get(task.getCamundaFormRef());
      if (form != null) {
        recorded.addAll(DeployedForm.inputKeys(form));
      }
    }
    for (String bean : delegateBeans(node)) {
      recorded.addAll(sources.writtenBy(bean));
    }
    if (node instanceof ServiceTask service && service.getCamundaResultVariable() != null) {
      recorded.add(service.getCamundaResultVariable());
    }
    if (node instanceof BusinessRuleTask rule && rule.getCamundaResultVariable() != null) {
      recorded.add(rule.getCamundaResultVariable());
    }
    for (CamundaOutputParameter output : inputOutput(node, CamundaOutputParameter.class)) {
      recorded.add(output.getCamundaName());
    }
    if (node instanceof SubProcess sub) {
      recorded.addAll(scope(sub.getFlowElements(), local, report));
    }
    recorded.removeAll(localOnly(node));
    return recorded;
  }

  /** What the node's own expressions see: what reached it, its input mappings and a multi-instance element variable. */
  private Set<String> local(FlowNode node, Set<String> nodeIn) {
    Set<String> local = new HashSet<>(nodeIn);
    local.addAll(localOnly(node));
    return local;
  }

  private Set<String> localOnly(FlowNode node) {
    Set<String> local = new HashSet<>();
    for (CamundaInputParameter input : inputOutput(node, CamundaInputParameter.class)) {
      local.add(input.getCamundaName());
    }
    if (node instanceof Activity activity
        && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics multi
        && multi.getCamundaElementVariable() != null) {
      local.add(multi.getCamundaElementVariable());
    }
    return local;
  }

  private void checkReads(FlowNode node, Set<String> nodeIn) {
    Set<String> local = local(node, nodeIn);
    if (node instanceof Activity activity && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics multi) {
      need(node, multi.getCamundaCollection(), nodeIn);
      if (multi.getLoopCardinality() != null) {
        need(node, multi.getLoopCardinality().getTextContent(), nodeIn);
      }
      if (multi.getCompletionCondition() != null) {
        need(node, multi.getCompletionCondition().getTextContent(), local);
      }
    }
    for (CamundaInputParameter input : inputOutput(node, CamundaInputParameter.class)) {
      need(node, input.getTextContent(), nodeIn);
    }
    if (node instanceof UserTask task) {
      need(node, task.getCamundaDueDate(), local);
      need(node, task.getCamundaFollowUpDate(), local);
      // A form deployed earlier (bound to the latest version) was checked with the diagrams it came with; its
      // editable fields still count as recorded, its read-only ones are not this diagram's reads.
      JsonNode form = task.getCamundaFormRef() == null || !formsInDeployment.contains(task.getCamundaFormRef()) ? null
          : forms.get(task.getCamundaFormRef());
      if (form != null) {
        Set<String> shown = new HashSet<>(local);
        shown.addAll(TaskConventions.TASK_VARIABLES);
        createListenerBeans(task).forEach(bean -> shown.addAll(sources.writtenBy(bean)));
        boolean showsPrevious = property(task, "formShowsPreviousAnswers");
        Set<String> hiddenWhenEmpty = hiddenWhenEmpty(form.path("components"), new HashSet<>());
        for (String key : DeployedForm.displayOnlyKeys(form)) {
          // Last time's answer is absent the first time by design: the form shows it empty. A field hidden by a
          // condition on its own variable is shown only when there is something to show.
          if (!shown.contains(key) && !(showsPrevious && key.startsWith("previous")) && !hiddenWhenEmpty.contains(key)) {
            noteMissing(task, key);
          }
        }
      }
    }
    if (node instanceof CatchEvent || node instanceof ThrowEvent) {
      List<EventDefinition> definitions = node instanceof CatchEvent catchEvent
          ? new ArrayList<>(catchEvent.getEventDefinitions()) : new ArrayList<>(((ThrowEvent) node).getEventDefinitions());
      for (EventDefinition definition : definitions) {
        if (definition instanceof TimerEventDefinition timer) {
          for (var expression : new org.camunda.bpm.model.bpmn.instance.Expression[] {timer.getTimeDate(),
              timer.getTimeDuration(), timer.getTimeCycle()}) {
            if (expression != null) {
              need(node, expression.getTextContent(), local);
            }
          }
        }
      }
    }
    if (node instanceof ThrowEvent event && delegateBeans(node).contains(LINKED_START)) {
      // A linked start sends the event's input mappings: the started process counts on the message's variables.
      Set<String> sent = new HashSet<>(StartLinkedProcess.ALWAYS_SENT);
      inputOutput(node, CamundaInputParameter.class).forEach(input -> sent.add(input.getCamundaName()));
      for (EventDefinition definition : event.getEventDefinitions()) {
        if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
          for (String variable : sources.sentWith(message.getMessage().getName())) {
            if (!sent.contains(variable)) {
              unsent.putIfAbsent(node.getId() + "/" + variable, new Read(node.getId(), nameOf(node), variable));
            }
          }
        }
      }
    }
    for (CamundaField field : fields(node)) {
      need(node, field.getCamundaExpression(), local);
      if (field.getCamundaExpressionChild() != null) {
        need(node, field.getCamundaExpressionChild().getTextContent(), local);
      }
    }
    Set<String> afterwards = new HashSet<>(local);
    afterwards.addAll(records(node, nodeIn, false));
    for (CamundaOutputParameter output : inputOutput(node, CamundaOutputParameter.class)) {
      need(node, output.getTextContent(), afterwards);
    }
  }

  private void need(BaseElement element, String text, Set<String> recorded) {
    if (text == null || recorded == null) {
      return;
    }
    for (String variable : variablesIn(text)) {
      if (!recorded.contains(variable)) {
        noteMissing(element, variable);
      }
    }
  }

  private void noteMissing(BaseElement element, String variable) {
    missing.putIfAbsent(element.getId() + "/" + variable, new Read(element.getId(), nameOf(element), variable));
  }

  private static String nameOf(BaseElement element) {
    return element instanceof FlowElement flowElement && flowElement.getName() != null
        && !flowElement.getName().isBlank() ? flowElement.getName() : element.getId();
  }

  /** The variable names an expression reads; a name followed by '.' or '(' is a bean or method, not a variable. */
  static Set<String> variablesIn(String text) {
    Set<String> variables = new LinkedHashSet<>();
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = STRING_LITERAL.matcher(expression.group(1)).replaceAll("''");
      Matcher name = NAME.matcher(body);
      while (name.find()) {
        if (!NOT_VARIABLES.contains(name.group(1))) {
          variables.add(name.group(1));
        }
      }
    }
    return variables;
  }

  private static boolean property(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return false;
    }
    return extensions.getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
        .list().stream().flatMap(properties -> properties.getCamundaProperties().stream())
        .anyMatch(property -> name.equals(property.getCamundaName()) && "true".equals(property.getCamundaValue()));
  }

  private static <T extends ModelElementInstance> List<T> inputOutput(BaseElement element, Class<T> type) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return List.of();
    }
    List<T> found = new ArrayList<>();
    for (CamundaInputOutput inputOutput : extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
      found.addAll(inputOutput.getChildElementsByType(type));
    }
    return found;
  }

  /** The beans the node names as its delegate and as its listeners. */
  private static List<String> delegateBeans(FlowNode node) {
    List<String> beans = new ArrayList<>();
    if (node instanceof ServiceTask service) {
      beans.add(service.getCamundaDelegateExpression());
    }
    if (node instanceof SendTask send) {
      beans.add(send.getCamundaDelegateExpression());
    }
    if (node instanceof ThrowEvent event) {
      event.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
          .forEach(definition -> beans.add(((MessageEventDefinition) definition).getCamundaDelegateExpression()));
    }
    ExtensionElements extensions = node.getExtensionElements();
    if (extensions != null) {
      extensions.getElementsQuery().filterByType(CamundaExecutionListener.class).list()
          .forEach(listener -> beans.add(listener.getCamundaDelegateExpression()));
      extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list()
          .forEach(listener -> beans.add(listener.getCamundaDelegateExpression()));
    }
    List<String> names = new ArrayList<>();
    for (String bean : beans) {
      if (bean != null && bean.trim().matches("\\$\\{\\s*\\w+\\s*}")) {
        names.add(bean.trim().replaceAll("[${}\\s]", ""));
      }
    }
    return names;
  }

  /** The keys of read-only fields whose condition for being hidden reads the field's own variable. */
  private static Set<String> hiddenWhenEmpty(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      String hide = component.path("conditional").path("hide").asText("");
      if (!key.isEmpty() && Pattern.compile("(?<![\\w.])" + Pattern.quote(key) + "(?![\\w])").matcher(hide).find()) {
        keys.add(key);
      }
      hiddenWhenEmpty(component.path("components"), keys);
    }
    return keys;
  }

  /** The listeners that run when the task is created, before its form is shown. */
  private static List<String> createListenerBeans(UserTask task) {
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      return List.of();
    }
    return extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .filter(listener -> "create".equals(listener.getCamundaEvent()))
        .map(CamundaTaskListener::getCamundaDelegateExpression)
        .filter(bean -> bean != null && bean.trim().matches("\\$\\{\\s*\\w+\\s*}"))
        .map(bean -> bean.trim().replaceAll("[${}\\s]", ""))
        .toList();
  }

  private static List<CamundaField> fields(FlowNode node) {
    List<CamundaField> fields = new ArrayList<>();
    ExtensionElements extensions = node.getExtensionElements();
    if (extensions != null) {
      fields.addAll(extensions.getElementsQuery().filterByType(CamundaField.class).list());
      for (CamundaExecutionListener listener : extensions.getElementsQuery().filterByType(CamundaExecutionListener.class).list()) {
        fields.addAll(listener.getCamundaFields());
      }
      for (CamundaTaskListener listener : extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list()) {
        fields.addAll(listener.getCamundaFields());
      }
    }
    return fields;
  }

  private static Set<String> intersect(Set<String> sofar, Set<String> more) {
    if (more == null) {
      return sofar;
    }
    if (sofar == null) {
      return new HashSet<>(more);
    }
    sofar.retainAll(more);
    return sofar;
  }
}
