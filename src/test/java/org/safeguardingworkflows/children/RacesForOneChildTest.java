package org.safeguardingworkflows.children;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@link RacesForOneChild} on PostgreSQL, as deployed: one winner per race, the rest 409/422, invariants held. */
@ApplicationTest
class RacesForOneChildTest extends RacesForOneChildScenarios {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired PlanHistory planHistory;

  @BeforeEach
  void setUp() {
    races = new RacesForOneChild(port, dataSource, planHistory);
  }
}
