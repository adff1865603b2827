package org.safeguardingworkflows.revisions.cockpit;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.CockpitPluginResource;
import org.safeguardingworkflows.revisions.ProcessRevisions;
import org.safeguardingworkflows.revisions.ProcessRevisions.MigrationRequest;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The plugin's data, with Cockpit's own login (the webapp session, its CSRF token on the POST): the same
 * {@link ProcessRevisions} as {@code /api/process-revisions}, run as the Cockpit user, so the same role check, the
 * engine's authorizations and the same record of who migrated what apply.
 */
@Path("plugin/" + ProcessRevisionsCockpitPlugin.ID)
public class ProcessRevisionsPluginResource extends CockpitPluginResource {

  public ProcessRevisionsPluginResource() {
    super(ProcessRevisionsCockpitPlugin.ID);
  }

  @GET
  @Path("{engine}/processes")
  public Response processes(@PathParam("engine") String engine) {
    return asCockpitUser(engine, () -> bean(ProcessRevisions.class).processes());
  }

  @GET
  @Path("{engine}/revisions/{processKey}")
  public Response revisions(@PathParam("engine") String engine, @PathParam("processKey") String processKey) {
    return asCockpitUser(engine, () -> bean(ProcessRevisions.class).revisions(processKey));
  }

  @POST
  @Path("{engine}/migrations/{processKey}")
  @Consumes(JSON)
  public Response migrate(@PathParam("engine") String engine, @PathParam("processKey") String processKey, String body) {
    return asCockpitUser(engine, () -> {
      MigrationRequest request;
      try {
        request = bean(ObjectMapper.class).readValue(body, MigrationRequest.class);
      } catch (JsonProcessingException e) {
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
            "The request is not a migration: {\"fromVersion\", \"toVersion\", \"dryRun\", \"mappings\"}.", List.of());
      }
      return bean(ProcessRevisions.class).migrate(processKey, request);
    });
  }

  @GET
  @Path("{engine}/migrations/{processKey}/{batchId}")
  public Response migrationStatus(@PathParam("engine") String engine, @PathParam("processKey") String processKey,
      @PathParam("batchId") String batchId) {
    return asCockpitUser(engine, () -> bean(ProcessRevisions.class).status(processKey, batchId));
  }

  /** Runs the work with the Cockpit user as the engine's authenticated user, and answers JSON or problem+json. */
  private Response asCockpitUser(String engine, Supplier<Object> work) {
    UserAuthentication known = cockpitUser(engine);
    if (known == null) {
      return problem(ApiProblem.forbidden("Log in to Cockpit first."));
    }
    IdentityService identityService = bean(IdentityService.class);
    identityService.setAuthentication(known.getIdentityId(), known.getGroupIds(), known.getTenantIds());
    try {
      return Response.ok(json(work.get()), JSON).build();
    } catch (ApiProblem problem) {
      return problem(problem);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
