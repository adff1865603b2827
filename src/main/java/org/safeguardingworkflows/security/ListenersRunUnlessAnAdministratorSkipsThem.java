package org.safeguardingworkflows.security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The diagrams' listeners and input/output mappings are where the service records decisions and checks its rules
 * (who completed a view, the contingency plan, the child's plan history). Camunda lets anyone allowed to modify,
 * restart, migrate or delete process instances skip them ({@code skipCustomListeners}, {@code skipIoMappings}), in
 * the single and the batch variants alike. Here, in the engine, such a command is refused for every authenticated
 * user who is not an administrator ({@code camunda-admin}), whichever API it came through. Work the engine does
 * with no authenticated user (the job executor running a batch an administrator created, start-up) passes.
 */
@Component
public class ListenersRunUnlessAnAdministratorSkipsThem extends AbstractProcessEnginePlugin {

  static final String REFUSAL = "Only an administrator may skip custom listeners or input/output mappings: they "
      + "record decisions and check the rules of the child's case. Make the change without skipping them, or ask an administrator.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Both command chains: most commands run in the caller's transaction, a few in a new one.
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new SkipFlagsForAdministratorsOnly());
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new SkipFlagsForAdministratorsOnly());
  }

  /** After the command context is open, so the caller's authentication and the engine's admin rule are at hand. */
  static class SkipFlagsForAdministratorsOnly extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      Authentication caller = context == null ? null : context.getAuthentication();
      if (caller != null && caller.getUserId() != null && SkipFlags.of(command.getClass()).test(command)
          && !context.getAuthorizationManager().isCamundaAdmin(caller)) {
        throw new AuthorizationException(REFUSAL);
      }
      return next.execute(command);
    }
  }

  /**
   * Reads a command's skip flags. Camunda keeps them on the command itself (deletions) or on the builder the
   * command carries (modification, restart, migration, start at chosen activities, and their batch variants), so
   * the command's fields are searched two builders deep. Worked out once per command class.
   */
  static final class SkipFlags {

    private static final Set<String> FLAGS = Set.of("skipCustomListeners", "skipIoMappings", "skipIoMapping");
    private static final int BUILDER_DEPTH = 2;
    private static final ClassValue<Predicate<Object>> BY_CLASS = new ClassValue<>() {
      @Override
      protected Predicate<Object> computeValue(Class<?> type) {
        return readerFor(type, BUILDER_DEPTH);
      }
    };

    static Predicate<Object> of(Class<?> commandClass) {
      return BY_CLASS.get(commandClass);
    }

    private static Predicate<Object> readerFor(Class<?> type, int depth) {
      if (!type.getName().startsWith("org.camunda.bpm.engine.impl.")) {
        return target -> false;
      }
      List<Predicate<Object>> readers = new ArrayList<>();
      for (Class<?> declaring = type; declaring != null && declaring != Object.class; declaring = declaring.getSuperclass()) {
        for (Field field : declaring.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          if (field.getType() == boolean.class && FLAGS.contains(field.getName())) {
            field.setAccessible(true);
            readers.add(target -> read(field, target) == Boolean.TRUE);
          } else if (depth > 0 && field.getType().getName().startsWith("org.camunda.bpm.engine.impl.")
              && field.getType().getSimpleName().endsWith("BuilderImpl")) {
            field.setAccessible(true);
            Predicate<Object> inner = readerFor(field.getType(), depth - 1);
            readers.add(target -> {
              Object builder = read(field, target);
              return builder != null && inner.test(builder);
            });
          }
        }
      }
      return target -> readers.stream().anyMatch(reader -> reader.test(target));
    }

    private static Object read(Field field, Object target) {
      try {
        return field.get(target);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + field + " to check skip flags", e);
      }
    }
  }
}
