package org.signoff.api.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.client.api.ClientId;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;

/**
 * An id in a request's path or parameters, as the caller names it, becomes the engine's key of it in the caller's
 * institution: a member's {@code /jobs/change-items} is its own job, never the default institution's of that id.
 */
@Configuration(proxyBeanMethods = false)
class CallerIds implements WebMvcConfigurer {

    private final Callers callers;

    CallerIds(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, JobId.class, (Converter<String, JobId>) callers::job);
        registry.addConverter(String.class, StaffId.class, (Converter<String, StaffId>) callers::staff);
        registry.addConverter(String.class, TicketId.class, (Converter<String, TicketId>) callers::ticket);
        registry.addConverter(String.class, ClientId.class, (Converter<String, ClientId>) callers::client);
        registry.addConverter(
                String.class, TrainingClassId.class, (Converter<String, TrainingClassId>) callers::trainingClass);
    }
}
