package io.haina.crm.platform.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when {@code spring.datasource.url} (or {@code HAINA_DB_URL}) names an external database. */
final class ExternalDatabaseConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }

    /** The opposite: no URL given, so Haina runs its own PostgreSQL. */
    static final class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new ExternalDatabaseConfigured().matches(context, metadata);
        }
    }
}
