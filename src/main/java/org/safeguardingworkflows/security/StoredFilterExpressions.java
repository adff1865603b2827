package org.safeguardingworkflows.security;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.safeguardingworkflows.platform.StartUpStep;
import org.springframework.stereotype.Component;

/**
 * A stored filter is evaluated whenever someone opens it, and Camunda 7.24 CE evaluates the expressions inside its
 * {@code orQueries} although expressions in stored queries are switched off. {@link EngineApiGate} stops any new
 * filter from carrying one; this removes, at start-up, any filter stored before the gate existed (or written straight
 * into the database) that still does, so that no one can open it. The filter's id and name are logged for the
 * administrator; its content is not.
 */
@Component
public class StoredFilterExpressions implements StartUpStep {

  private static final Logger log = LoggerFactory.getLogger(StoredFilterExpressions.class);

  private final FilterService filterService;

  public StoredFilterExpressions(FilterService filterService) {
    this.filterService = filterService;
  }

  @Override
  public String name() {
    return "stored filter expressions check";
  }

  @Override
  public void run() {
    removeFiltersWithExpressions();
  }

  void removeFiltersWithExpressions() {
    for (Filter filter : filterService.createTaskFilterQuery().list()) {
      if (filter.getQuery() instanceof TaskQueryImpl query && holdsExpressions(query)) {
        filterService.deleteFilter(filter.getId());
        log.warn("Removed task filter {} ('{}'): it held expressions, which are never evaluated here", filter.getId(),
            filter.getName());
      }
    }
  }

  static boolean holdsExpressions(TaskQueryImpl query) {
    List<TaskQueryImpl> orQueries = query.getQueries() == null ? List.of() : query.getQueries();
    return hasExpressions(query) || orQueries.stream().anyMatch(StoredFilterExpressions::hasExpressions);
  }

  private static boolean hasExpressions(AbstractQuery<?, ?> query) {
    return query.getExpressions() != null && !query.getExpressions().isEmpty();
  }
}
