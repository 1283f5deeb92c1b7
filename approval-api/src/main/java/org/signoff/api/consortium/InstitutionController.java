package org.signoff.api.consortium;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.Identifier;
import org.signoff.api.input.SingleLine;
import org.signoff.api.institution.Institutions;
import org.signoff.common.InstitutionCode;

/** The consortium's institutions over HTTP: registered by consortium administrators, read by them and analysts. */
@RestController
@RequestMapping("/institutions")
class InstitutionController {

    private final InstitutionRegistry registry;
    private final Institutions institutions;
    private final Commands commands;

    InstitutionController(InstitutionRegistry registry, Institutions institutions, Commands commands) {
        this.registry = registry;
        this.institutions = institutions;
        this.commands = commands;
    }

    /** A new member, by its Alma institution code, and the person who will administer it. */
    record Register(
            // upper case, as Alma's codes are: never a word of a path nor one of the lower-case ids
            @NotBlank
            @Pattern(
                    regexp = "[A-Z0-9][A-Z0-9_-]{0,39}",
                    message = "must be 1 to 40 upper-case letters, digits, '_' or '-'")
            String code,

            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull @Valid FirstAdministrator firstAdministrator,
            @Identifier String performedBy) {}

    /** The member's first administrator, in the member's own directory. */
    record FirstAdministrator(
            @NotBlank @Identifier String staffId,
            @NotBlank @Size(max = 200) @SingleLine String displayName,
            @NotBlank @Size(max = 100) @SingleLine String unit) {}

    /** An institution of the engine; the default one is the deployment's own. */
    record InstitutionView(String code, String name, boolean isDefault, boolean sharesAnalytics) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<InstitutionRegistry.Registered> register(@Valid @RequestBody Register body) {
        InstitutionCode code = InstitutionCode.of(body.code());
        InstitutionRegistry.Registered registered = registry.register(
                code,
                body.name(),
                body.firstAdministrator().staffId(),
                body.firstAdministrator().displayName(),
                body.firstAdministrator().unit(),
                commands.performer(body.performedBy()));
        return ResponseEntity.created(URI.create("/institutions/" + code)).body(registered);
    }

    /** The default institution first, then the members by code. */
    @GetMapping
    List<InstitutionView> list() {
        InstitutionCode home = institutions.defaultScope().code();
        return Stream.concat(
                        Stream.of(new InstitutionView(
                                home.value(), home.value(), true, institutions.sharesAnalytics(home))),
                        institutions.members().stream()
                                .map(member -> new InstitutionView(
                                        member.code().value(),
                                        member.name(),
                                        false,
                                        institutions.sharesAnalytics(member.code()))))
                .toList();
    }
}
