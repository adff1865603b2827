package org.safeguardingworkflows.reporting.cockpit;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.reporting.RepeatPlanCsv;
import org.safeguardingworkflows.reporting.RepeatPlanReport;
import org.safeguardingworkflows.reporting.ReportPeriod;
import org.safeguardingworkflows.reporting.ReportsApi;
import org.safeguardingworkflows.security.CallerRoles;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The dashboard's data, served inside Cockpit with Cockpit's own login (the webapp session; no stored credentials).
 * Cockpit's security filter lets only a user logged in to the engine reach {@code plugin/repeat-plans/{engine}/...};
 * here the user must also hold a report role. The figures come from the same {@link RepeatPlanReport} as
 * {@code /api/reports}, serialized by the same object mapper, so the dashboard and the API cannot disagree.
 */
@Path("plugin/" + RepeatPlansCockpitPlugin.ID)
public class RepeatPlansPluginResource extends AbstractCockpitPluginRootResource {

  private static final String JSON = "application/json";
  private static final String PROBLEM_JSON = "application/problem+json";

  public RepeatPlansPluginResource() {
    super(RepeatPlansCockpitPlugin.ID);
  }

  /** The report for {@code from}-{@code to}, or for the 12 months up to today when neither is given. */
  @GET
  @Path("{engine}/report")
  public Response report(@PathParam("engine") String engine, @QueryParam("from") String from, @QueryParam("to") String to) {
    return answer(engine, () -> json(report(from, to)), JSON);
  }

  @GET
  @Path("{engine}/report.csv")
  public Response csv(@PathParam("engine") String engine, @QueryParam("from") String from, @QueryParam("to") String to) {
    try {
      requireReader(engine);
      RepeatPlanReport.Report figures = report(from, to);
      return Response.ok(RepeatPlanCsv.of(figures), ReportsApi.TEXT_CSV.toString())
          .header("Content-Disposition", ReportsApi.attachment(figures.from(), figures.to()))
          .build();
    } catch (ApiProblem problem) {
      return problem(problem);
    }
  }

  /** Repeat plans per month for the 24 months up to this month, against a year earlier. */
  @GET
  @Path("{engine}/monthly")
  public Response monthly(@PathParam("engine") String engine) {
    return answer(engine, () -> json(bean(RepeatPlanReport.class).lastTwentyFourMonths()), JSON);
  }

  private RepeatPlanReport.Report report(String from, String to) {
    RepeatPlanReport report = bean(RepeatPlanReport.class);
    if (from == null && to == null) {
      return report.lastTwelveMonths();
    }
    ReportPeriod period = ReportPeriod.parse(from, to);
    return report.report(period.from(), period.to());
  }

  private Response answer(String engine, Supplier<String> body, String type) {
    try {
      requireReader(engine);
      return Response.ok(body.get(), type).build();
    } catch (ApiProblem problem) {
      return problem(problem);
    }
  }

  /** The Cockpit user of this engine must hold a report role (managers, process owners, administrators). */
  private void requireReader(String engine) {
    Authentications authentications = Authentications.getCurrent();
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine);
    List<String> groups = user instanceof UserAuthentication known && known.getGroupIds() != null ? known.getGroupIds() : List.of();
    if (!CallerRoles.holdsAny(groups, RepeatPlanReport.READERS)) {
      throw ApiProblem.forbidden("Only " + CallerRoles.names(RepeatPlanReport.READERS) + " may read reports.");
    }
  }

  private Response problem(ApiProblem problem) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    body.setTitle(problem.title());
    if (!problem.fieldProblems().isEmpty()) {
      body.setProperty("errors", problem.fieldProblems());
    }
    return Response.status(problem.status().value()).type(PROBLEM_JSON).entity(json(body)).build();
  }

  private String json(Object value) {
    try {
      return bean(ObjectMapper.class).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The report could not be written as JSON", e);
    }
  }

  /** Jersey creates this resource, not Spring: the application's beans come from the servlet context. */
  private <T> T bean(Class<T> type) {
    WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return context.getBean(type);
  }
}
