package org.safeguardingworkflows.tasks.cockpit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.CockpitPluginResource;
import org.safeguardingworkflows.tasks.JourneyInWords;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The tab's data, with Cockpit's own login: the journey as {@link JourneyInWords} writes it, read as the Cockpit user,
 * so a journey the user may not see answers 404 exactly as an unknown one does (the API's rule: nobody learns that
 * another team's child has a journey).
 */
@Path("plugin/" + JourneyInWordsCockpitPlugin.ID)
public class JourneyInWordsPluginResource extends CockpitPluginResource {

  public JourneyInWordsPluginResource() {
    super(JourneyInWordsCockpitPlugin.ID);
  }

  @GET
  @Path("{engine}/journeys/{processInstanceId}")
  public Response journey(@PathParam("engine") String engine, @PathParam("processInstanceId") String processInstanceId) {
    UserAuthentication known = cockpitUser(engine);
    if (known == null) {
      return problem(ApiProblem.forbidden("Log in to Cockpit first."));
    }
    IdentityService identityService = bean(IdentityService.class);
    identityService.setAuthentication(known.getIdentityId(), known.getGroupIds(), known.getTenantIds());
    try {
      return bean(JourneyInWords.class).of(processInstanceId)
          .map(journey -> Response.ok(json(journey), JSON).build())
          .orElseGet(() -> problem(ApiProblem.notFound("There is no journey with this id that you may see.")));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
