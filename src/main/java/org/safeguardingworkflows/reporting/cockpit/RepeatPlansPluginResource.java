package org.safeguardingworkflows.reporting.cockpit;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.CockpitPluginResource;
import org.safeguardingworkflows.reporting.RepeatPlanCsv;
import org.safeguardingworkflows.reporting.RepeatPlanReport;
import org.safeguardingworkflows.reporting.ReportPeriod;
import org.safeguardingworkflows.reporting.ReportsApi;
import org.safeguardingworkflows.security.CallerRoles;

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
public class RepeatPlansPluginResource extends CockpitPluginResource {

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
    UserAuthentication user = cockpitUser(engine);
    List<String> groups = user != null && user.getGroupIds() != null ? user.getGroupIds() : List.of();
    if (!CallerRoles.holdsAny(groups, RepeatPlanReport.READERS)) {
      throw ApiProblem.forbidden("Only " + CallerRoles.names(RepeatPlanReport.READERS) + " may read reports.");
    }
  }
}
