package org.signoff.api.deadline;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import org.signoff.api.ApprovalProperties;

/**
 * Deadlines kept in the engine's own database by db-scheduler, through Axon's {@link DbSchedulerDeadlineManager}.
 * The scheduler reaches the database through Spring's transaction: a deadline set by a command is written in the
 * command's transaction, with its events, or not at all. Axon starts the scheduler once the aggregates can take
 * deadlines, and stops it on shutdown.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    /** Few threads: a deadline only loads a ticket and appends an event or two. */
    private static final int THREADS = 2;

    @Bean
    Scheduler deadlineScheduler(
            DataSource dataSource,
            ApprovalProperties properties,
            ObjectProvider<DbSchedulerDeadlineManager> deadlineManager) {
        return Scheduler.create(
                        new TransactionAwareDataSourceProxy(dataSource),
                        DbSchedulerDeadlineManager.binaryTask(deadlineManager::getObject))
                .threads(THREADS)
                .pollingInterval(properties.deadlines().pollInterval())
                // a node that dies while firing a deadline: another fires it once its heartbeats stop (6 missed)
                .heartbeatInterval(properties.deadlines().heartbeat())
                .build();
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(
            Scheduler deadlineScheduler,
            Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .build();
        // a deadline's message carries the metadata of the step that set it (its client, its institution): the
        // events it causes carry them on, as a command's do, so they are sealed into the institution's own chain
        manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return manager;
    }
}
