package org.signoff.api.alma;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code approval.alma.production.take-back}: whether the production roles the engine added are taken back as the
 * support team's task ({@code task}, the default) or by the engine as each sign-off ends ({@code automatic}).
 */
@ConfigurationProperties("approval.alma.production")
public record AlmaTakeBackSettings(@DefaultValue("task") Mode takeBack) {

    public enum Mode {
        /** the support team takes them back, dry run first ({@code POST /tickets/{id}/production-roles/take-back}) */
        TASK,
        /** the engine takes them back when a sign-off ends; what fails stays a task */
        AUTOMATIC
    }
}
