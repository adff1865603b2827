package org.safeguardingworkflows.deployments;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rule every deployment must pass, whichever way it arrives (Modeler, the engine's REST API, the application's
 * own start-up deployment): a deployment runs only the application's code. Process owners change diagrams; they do
 * not write code. So a resource is refused when it holds
 * <ul>
 *   <li>a script (script task, {@code camunda:script} in a listener or an input/output mapping, a condition in a
 *       script language, a script loaded with {@code camunda:resource});</li>
 *   <li>a Java class name ({@code camunda:class} on a task or listener, {@code camunda:variableMappingClass},
 *       {@code camunda:formHandlerClass}, a custom form field validator class);</li>
 *   <li>a connector (it calls other systems from the engine);</li>
 *   <li>an expression that does more than {@link ExpressionRule} allows, wherever it is (conditions, due dates,
 *       timers, candidate groups, assignees, input/output mappings, form references, delegate expressions);</li>
 *   <li>a DMN expression in a language other than FEEL, or FEEL calling external Java functions;</li>
 *   <li>a process or decision keeping its history for less than {@link #MINIMUM_HISTORY_DAYS} days (history cleanup
 *       would then remove a child's record sooner, which only an administrator may decide);</li>
 *   <li>or is not a BPMN diagram, DMN decision, Camunda Form or diagram image (a CMMN case, a script file or an
 *       HTML form would run code on the server or in practitioners' browsers).</li>
 * </ul>
 * This is the one implementation of the rule: the engine applies it to every new deployment
 * ({@link OnlyTrustedDeployments}) and the build applies it to the application's own diagrams (ModelChecksTest).
 * What makes a deployment work once deployed (forms, owners, due dates, timers, version tags) is {@link ModelChecks}.
 */
public final class DeploymentRules {

  static final Set<String> CAMUNDA_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn",
      "http://camunda.org/schema/1.0/dmn", "http://activiti.org/bpmn");
  static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /**
   * The history time to live every diagram of the application has (ten years). A deployment may not shorten it:
   * deleting a child's history is an administrator's decision, and a short time to live would let history cleanup
   * do it for every journey of the new version.
   */
  static final int MINIMUM_HISTORY_DAYS = 3650;
  private static final Pattern DAYS = Pattern.compile("\\s*(?:P(\\d+)D|(\\d+))\\s*");

  private static final List<String> BPMN_SUFFIXES = List.of(".bpmn", ".bpmn20.xml");
  private static final List<String> DMN_SUFFIXES = List.of(".dmn", ".dmn11.xml");
  private static final List<String> OTHER_ALLOWED_SUFFIXES = List.of(".form", ".png", ".jpg", ".jpeg", ".gif");

  private final ExpressionRule expressions;

  public DeploymentRules(Set<String> delegates, Predicate<String> isBean) {
    this.expressions = new ExpressionRule(delegates, isBean);
  }

  /** Every refusal for one resource of a deployment; empty when it may be deployed. */
  public List<Refusal> check(String resourceName, byte[] content) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    List<Refusal> refusals = new ArrayList<>();
    if (BPMN_SUFFIXES.stream().anyMatch(name::endsWith)) {
      checkXml(resourceName, content, false, refusals);
    } else if (DMN_SUFFIXES.stream().anyMatch(name::endsWith)) {
      checkXml(resourceName, content, true, refusals);
    } else if (OTHER_ALLOWED_SUFFIXES.stream().noneMatch(name::endsWith)) {
      refusals.add(new Refusal(resourceName, resourceName, "only BPMN diagrams (.bpmn), DMN decisions (.dmn), "
          + "Camunda Forms (.form) and diagram images may be deployed: a case model, a script file or an HTML form "
          + "would run code on the server or in practitioners' browsers"));
    }
    return refusals;
  }

  private void checkXml(String resourceName, byte[] content, boolean dmn, List<Refusal> refusals) {
    Document document;
    try {
      document = parse(content);
    } catch (Exception e) {
      refusals.add(new Refusal(resourceName, resourceName, "it is not well-formed XML without a DOCTYPE, so it cannot be checked"));
      return;
    }
    walk(document.getDocumentElement(), resourceName, resourceName, dmn, refusals);
  }

  private void walk(Element element, String owner, String resourceName, boolean dmn, List<Refusal> refusals) {
    // Refusals name the diagram's element (a task, a flow, a decision), not ids inside Camunda's extensions.
    String id = element.hasAttribute("id") && !isCamunda(element.getNamespaceURI()) ? element.getAttribute("id") : owner;
    checkElement(element, id, resourceName, dmn, refusals);
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(childElement, id, resourceName, dmn, refusals);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (!isProse(element.getLocalName(), dmn)) {
      checkText(text.toString(), id, resourceName, dmn, refusals);
    }
  }

  /** Text for people, never evaluated: documentation, a BPMN text annotation, a DMN description. */
  private static boolean isProse(String local, boolean dmn) {
    return "documentation".equals(local) || (dmn ? "description".equals(local) : "text".equals(local));
  }

  private void checkElement(Element element, String id, String resourceName, boolean dmn, List<Refusal> refusals) {
    String local = element.getLocalName();
    boolean camunda = isCamunda(element.getNamespaceURI());
    if ("scriptTask".equals(local) && BPMN_NAMESPACE.equals(element.getNamespaceURI())) {
      refusals.add(new Refusal(resourceName, id, "a script task runs a script: scripts are not allowed, "
          + "use a service task with one of the application's delegates"));
    }
    if ((!dmn && "process".equals(local) && BPMN_NAMESPACE.equals(element.getNamespaceURI()))
        || (dmn && "decision".equals(local))) {
      checkHistoryTimeToLive(element, id, resourceName, refusals);
    }
    if (camunda && "script".equals(local)) {
      refusals.add(new Refusal(resourceName, id, "a camunda:script runs a script (in a listener, input/output mapping "
          + "or condition): scripts are not allowed"));
    }
    if (camunda && "connector".equals(local)) {
      refusals.add(new Refusal(resourceName, id, "a connector calls other systems from the engine: connectors are not allowed"));
    }
    if (camunda && "constraint".equals(local) && "validator".equals(element.getAttribute("name"))
        && !ExpressionRule.isExpression(element.getAttribute("config"))) {
      refusals.add(new Refusal(resourceName, id, "a form field validator names the Java class '"
          + element.getAttribute("config") + "': Java classes are not allowed"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute((Attr) attributes.item(i), camunda, id, resourceName, dmn, refusals);
    }
  }

  private static void checkHistoryTimeToLive(Element element, String id, String resourceName, List<Refusal> refusals) {
    String timeToLive = null;
    for (String namespace : CAMUNDA_NAMESPACES) {
      if (element.hasAttributeNS(namespace, "historyTimeToLive")) {
        timeToLive = element.getAttributeNS(namespace, "historyTimeToLive");
      }
    }
    Matcher days = DAYS.matcher(timeToLive == null ? "" : timeToLive);
    if (!days.matches() || Long.parseLong(days.group(1) != null ? days.group(1) : days.group(2)) < MINIMUM_HISTORY_DAYS) {
      refusals.add(new Refusal(resourceName, id, "its history time to live is '" + (timeToLive == null ? "not set" : timeToLive)
          + "': the child's history must be kept at least " + MINIMUM_HISTORY_DAYS + " days (P" + MINIMUM_HISTORY_DAYS
          + "D); only an administrator deletes it sooner"));
    }
  }

  private void checkAttribute(Attr attribute, boolean onCamundaElement, String id, String resourceName, boolean dmn,
      List<Refusal> refusals) {
    String local = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
    String value = attribute.getValue();
    boolean camunda = isCamunda(attribute.getNamespaceURI())
        || (onCamundaElement && attribute.getNamespaceURI() == null);
    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
      return;
    }
    if (camunda && ("class".equals(local) || local.endsWith("Class"))) {
      refusals.add(new Refusal(resourceName, id, "it names the Java class '" + value + "' (" + attribute.getName()
          + "): Java classes are not allowed, use one of the application's delegates with camunda:delegateExpression"));
      return;
    }
    if ("scriptFormat".equals(local)) {
      refusals.add(new Refusal(resourceName, id, "it runs a script in " + value + " (scriptFormat): scripts are not allowed"));
      return;
    }
    if (camunda && "resource".equals(local)) {
      refusals.add(new Refusal(resourceName, id, "it loads a script from '" + value + "' (camunda:resource): scripts are not allowed"));
      return;
    }
    if (!dmn && "language".equals(local)) {
      refusals.add(new Refusal(resourceName, id, "its condition is written in the script language '" + value
          + "': conditions must be expressions such as ${decision == 'APPROVE'}"));
      return;
    }
    if (dmn && "expressionLanguage".equals(local) && !isFeel(value)) {
      refusals.add(new Refusal(resourceName, id, "it uses the expression language '" + value
          + "': decisions must be written in FEEL, which cannot reach the application's beans"));
      return;
    }
    if (camunda && ("delegateExpression".equals(local) || "variableMappingDelegateExpression".equals(local))) {
      expressions.problemsInDelegateExpression(value).forEach(problem -> refusals.add(new Refusal(resourceName, id, problem)));
      return;
    }
    checkText(value, id, resourceName, dmn, refusals);
  }

  private void checkText(String text, String id, String resourceName, boolean dmn, List<Refusal> refusals) {
    if (dmn) {
      if (text != null && text.matches("(?s).*\\bexternal\\s*\\{.*")) {
        refusals.add(new Refusal(resourceName, id, "it defines an external function, which calls Java code: "
            + "external functions are not allowed"));
      }
      return;
    }
    if (ExpressionRule.isExpression(text)) {
      expressions.problemsIn(text.trim()).forEach(problem -> refusals.add(new Refusal(resourceName, id, problem)));
    }
  }

  private static boolean isCamunda(String namespace) {
    return namespace != null && CAMUNDA_NAMESPACES.contains(namespace);
  }

  private static boolean isFeel(String language) {
    String lower = language.toLowerCase(Locale.ROOT);
    return lower.equals("feel") || lower.contains("/feel");
  }

  private static Document parse(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // No DTDs and no external entities: the check must not itself read files or the network.
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler() {
      @Override
      public void error(SAXParseException e) throws SAXParseException {
        throw e;
      }
    });
    return builder.parse(new ByteArrayInputStream(content));
  }
}
