package org.safeguardingworkflows.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardingworkflows.children.ConcernSettings;
import org.safeguardingworkflows.children.LifeEventSettings;
import org.safeguardingworkflows.legal.LegalPlanningSettings;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcSettings;
import org.safeguardingworkflows.stepdown.StepDownSettings;
import org.safeguardingworkflows.supervisionorder.SupervisionOrderSettings;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import jakarta.validation.Validation;

/**
 * Every process's timescales are bound from {@code application.yaml} and checked as they are bound, the way the
 * application starts: the shipped defaults pass, and a mistyped timescale stops the start with the setting named.
 */
class TimescaleSettingsTest {

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("safeguarding.step-down", StepDownSettings.class, "watch-period"),
        Arguments.of("safeguarding.repeat-icpc", RepeatIcpcSettings.class, "repeat-window"),
        Arguments.of("safeguarding.legal-planning", LegalPlanningSettings.class, "plo-time-limit"),
        Arguments.of("safeguarding.supervision-order", SupervisionOrderSettings.class, "absolute-limit"),
        Arguments.of("safeguarding.concerns", ConcernSettings.class, "re-referral-window"),
        Arguments.of("safeguarding.life-events", LifeEventSettings.class, "transfer-out-due-working-days"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void theShippedDefaultsAreValid(String prefix, Class<?> type, String aSetting) throws IOException {
    assertThat(type).hasAnnotation(Validated.class);

    Object bound = bind(prefix, type, Map.of());

    assertThat(bound).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aMistypedTimescaleStopsTheStartWithTheSettingNamed(String prefix, Class<?> type, String aSetting) {
    assertThatThrownBy(() -> bind(prefix, type, Map.of(prefix + "." + aSetting, "-1")))
        .isInstanceOf(BindException.class)
        .hasMessageContaining(prefix);
  }

  private static Object bind(String prefix, Class<?> type, Map<String, Object> overrides) throws IOException {
    List<PropertySource<?>> sources = new ArrayList<>();
    sources.add(new MapPropertySource("overrides", overrides));
    sources.addAll(new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml")));
    Binder binder = new Binder(ConfigurationPropertySources.from(sources));
    var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
    return binder.bind(prefix, Bindable.of(type), new ValidationBindHandler(validator)).get();
  }
}
