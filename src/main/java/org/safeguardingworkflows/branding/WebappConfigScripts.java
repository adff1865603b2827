package org.safeguardingworkflows.branding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves each Camunda webapp's {@code scripts/config.js} (the application's copies under
 * {@code META-INF/resources/webjars/camunda/app/<app>/scripts/}) with the placeholder {@value #PLACEHOLDER} replaced by
 * Camunda's {@code app} setting ({@code name}, {@code vendor}) from {@link Branding}. Camunda reads these names only
 * from that static file; serving it from here lets a council set its names in configuration instead of editing four
 * copies inside the jar.
 *
 * <p>It is one of the webapps' static scripts, which the login pages load before anyone has logged in, so it is
 * served to anyone as they are (a filter in front of the static files, not an endpoint of the application's own);
 * it holds the application's and council's names and nothing of a case.
 */
@Component
public class WebappConfigScripts extends OncePerRequestFilter {

  static final String PLACEHOLDER = "\"@branding@\"";
  private static final Pattern CONFIG = Pattern.compile("^/camunda/app/(tasklist|cockpit|admin|welcome)/scripts/config\\.js$");

  private final Branding branding;
  private final ObjectMapper json;

  public WebappConfigScripts(Branding branding, ObjectMapper json) {
    this.branding = branding;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !CONFIG.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher config = CONFIG.matcher(path(request));
    if (!config.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String script;
    try (InputStream in = new ClassPathResource("META-INF/resources/webjars/camunda/app/" + config.group(1) + "/scripts/config.js").getInputStream()) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    response.setContentType("text/javascript;charset=UTF-8");
    // A renamed application shows its new name at the next page load.
    response.setHeader("Cache-Control", "no-cache");
    response.getWriter().write(script.replace(PLACEHOLDER, appSetting()));
  }

  private String appSetting() throws IOException {
    Map<String, String> app = new LinkedHashMap<>();
    app.put("name", branding.applicationName());
    app.put("vendor", branding.councilName() == null ? "" : branding.councilName());
    return json.writeValueAsString(app);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
