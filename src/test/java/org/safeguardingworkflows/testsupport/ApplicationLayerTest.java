package org.safeguardingworkflows.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/** The unit layer ({@code mvn test}) refuses to start a Spring application, so it stays fast. */
@EnabledIfSystemProperty(named = "safeguarding.test-layer", matches = "unit")
class ApplicationLayerTest {

  @Configuration(proxyBeanMethods = false)
  static class NothingAtAll {
  }

  @Test
  void aUnitTestCannotStartASpringApplication() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(NothingAtAll.class)
        .web(WebApplicationType.NONE).logStartupInfo(false).run().close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@ApplicationTest");
  }
}
