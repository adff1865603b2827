package org.safeguardingworkflows.deployments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.safeguardingworkflows.deployments.TrustedHelpers.Helper;

/**
 * What an expression in a deployed diagram may do. Camunda evaluates {@code ${...}} with every Spring bean and the
 * engine itself in scope, so an expression can call any method of any bean: that is running code. Here an expression
 * is parsed with the engine's own expression parser and allowed only when it is made of
 * <ul>
 *   <li>literals, operators ({@code ==}, {@code &&}, {@code ? :}, ...) and plain variable names ({@code ${teamManager}});</li>
 *   <li>the application's own delegates, named on their own ({@code ${recordEndedPlan}});</li>
 *   <li>a {@link TrustedHelpers trusted helper}'s allowed methods and property reads, one step deep
 *       ({@code ${workingDays.after(planEndDate, stepDownSettings.meetingDueWorkingDays)}}).</li>
 * </ul>
 * Anything else (another bean, the engine's context objects such as {@code execution}, a method on a variable, a
 * chain beyond one step, an EL function) is refused with a sentence saying what and why.
 */
public final class ExpressionRule {

  /**
   * Names the engine or Spring resolve to objects that open everything else (the execution, the engine and its
   * services, the Spring context), whatever beans the running application has. Listed so that the build's checks,
   * which see only the application's own beans, refuse them as the running engine does.
   */
  static final Set<String> ENGINE_OBJECTS = Set.of(
      "execution", "task", "caseExecution", "externalTask", "variableScope", "variableContext",
      "processEngine", "processEngineConfiguration", "processEngineServices",
      "runtimeService", "repositoryService", "taskService", "historyService", "identityService",
      "managementService", "authorizationService", "formService", "externalTaskService", "caseService",
      "decisionService", "filterService", "applicationContext", "environment", "systemProperties",
      "systemEnvironment");

  private static final Builder PARSER = new Builder(Builder.Feature.values());

  private final Set<String> delegates;
  private final Predicate<String> isBean;

  /**
   * @param delegates the application's delegate bean names ({@link ApplicationDelegates})
   * @param isBean whether a name resolves to a bean in the running application (so it is not a process variable)
   */
  public ExpressionRule(Set<String> delegates, Predicate<String> isBean) {
    this.delegates = delegates;
    this.isBean = isBean;
  }

  /** Whether the text holds an expression the engine would evaluate. */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Plain sentences saying what the expression does that is not allowed; empty when it is allowed. */
  public List<String> problemsIn(String expression) {
    List<String> problems = new ArrayList<>();
    Node root;
    try {
      root = PARSER.build(expression).getRoot();
    } catch (TreeBuilderException e) {
      problems.add("'" + expression + "' is not an expression the engine can read");
      return problems;
    }
    check(root, expression, problems);
    return problems;
  }

  /** Problems in a delegate expression: it must name exactly one of the application's delegates. */
  public List<String> problemsInDelegateExpression(String expression) {
    String trimmed = expression.trim();
    String name = trimmed.length() > 3 ? trimmed.substring(2, trimmed.length() - 1).trim() : "";
    boolean single = (trimmed.startsWith("${") || trimmed.startsWith("#{")) && trimmed.endsWith("}");
    if (single && delegates.contains(name)) {
      return List.of();
    }
    return List.of("the delegate expression '" + expression + "' does not name one of the application's delegates "
        + "(a delegate expression may only be ${delegateName}, for a delegate the application provides)");
  }

  private void check(Node node, String expression, List<String> problems) {
    if (node instanceof AstMethod method) {
      checkMember(dotOf(method, expression, problems), true, expression, problems);
      Node parameters = method.getChild(1);
      checkChildren(parameters, expression, problems);
    } else if (node instanceof AstDot dot) {
      checkMember(dot, false, expression, problems);
    } else if (node instanceof AstIdentifier identifier) {
      checkName(identifier.getName(), expression, problems);
    } else if (node instanceof AstBracket) {
      problems.add("'" + expression + "' reads with [ ]: only a trusted helper's properties may be read, "
          + "as helper.property");
    } else if (node instanceof AstFunction function) {
      problems.add("'" + expression + "' calls the function " + function.getName()
          + "(): functions are not allowed in diagrams");
    } else if (isStructure(node)) {
      checkChildren(node, expression, problems);
    } else {
      problems.add("'" + expression + "' uses " + node.getClass().getSimpleName()
          + ", which this check does not know and so refuses");
    }
  }

  /** The {@code prefix.name} a method is called through, or null (with the problem noted) for {@code prefix[name]}. */
  private static AstDot dotOf(AstMethod method, String expression, List<String> problems) {
    if (method.getChild(0) instanceof AstDot dot) {
      return dot;
    }
    problems.add("'" + expression + "' calls a method through [ ]: only helper.method(...) is allowed");
    return null;
  }

  /** {@code helper.member} or {@code helper.member(...)}: the prefix must be a trusted helper, one step deep. */
  private void checkMember(AstDot dot, boolean call, String expression, List<String> problems) {
    if (dot == null) {
      return;
    }
    String member = memberName(dot);
    Node prefix = dot.getChild(0);
    if (!(prefix instanceof AstIdentifier identifier)) {
      check(prefix, expression, problems);
      problems.add("'" + expression + "' " + (call ? "calls " + member + "()" : "reads ." + member)
          + " on the result of another expression: only a trusted helper's own methods and properties are allowed");
      return;
    }
    String bean = identifier.getName();
    Optional<Helper> helper = TrustedHelpers.named(bean);
    if (ENGINE_OBJECTS.contains(bean)) {
      problems.add("'" + expression + "' " + (call ? "calls " + bean + "." + member + "()" : "reads " + bean + "." + member)
          + ": " + bean + " is the engine's own object, and through it a diagram could do anything the engine can");
    } else if (helper.isEmpty()) {
      problems.add("'" + expression + "' " + (call ? "calls " + bean + "." + member + "()" : "reads " + bean + "." + member)
          + ": " + bean + " is not one of the application's trusted helpers ("
          + String.join(", ", TrustedHelpers.HELPERS.stream().map(Helper::bean).toList())
          + "), and methods or properties of anything else are not allowed");
    } else if (call && !helper.get().methods().contains(member)) {
      problems.add("'" + expression + "' calls " + bean + "." + member + "(), which is not one of the methods a diagram may call on "
          + bean + " (" + (helper.get().methods().isEmpty() ? "none: only its properties may be read" : String.join(", ", helper.get().methods())) + ")");
    } else if (!call && (!helper.get().readsProperties() || "class".equals(member))) {
      problems.add("'" + expression + "' reads " + bean + "." + member + ": a diagram may not read that property of " + bean);
    }
  }

  /** The property name of {@code prefix.name}: the parser prints a dot node as ". name". */
  private static String memberName(AstDot dot) {
    String printed = dot.toString();
    return printed.startsWith(". ") ? printed.substring(2) : printed;
  }

  private void checkName(String name, String expression, List<String> problems) {
    if (ENGINE_OBJECTS.contains(name)) {
      problems.add("'" + expression + "' uses " + name + ", the engine's own object: it opens the whole engine to the diagram");
    } else if (isBean.test(name) && !delegates.contains(name) && TrustedHelpers.named(name).isEmpty()) {
      problems.add("'" + expression + "' names the bean " + name
          + ", which is neither one of the application's delegates nor a trusted helper");
    }
  }

  private void checkChildren(Node node, String expression, List<String> problems) {
    for (int i = 0; i < node.getCardinality(); i++) {
      check(node.getChild(i), expression, problems);
    }
  }

  private static boolean isStructure(Node node) {
    return node instanceof AstEval || node instanceof AstComposite || node instanceof AstText
        || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
        || node instanceof AstNested || node instanceof AstParameters || node instanceof AstString
        || node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull;
  }
}
