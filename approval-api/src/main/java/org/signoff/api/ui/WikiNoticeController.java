package org.signoff.api.ui;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.signoff.api.security.Callers;
import org.signoff.api.wiki.WikiPublicationStatus;

/** The master list page's notice that the wiki page is no longer kept, and why; empty while it is. */
@Hidden
@Controller
@RequestMapping("/ui")
class WikiNoticeController {

    private final WikiPublicationStatus wiki;

    private final Callers callers;

    WikiNoticeController(WikiPublicationStatus wiki, Callers callers) {
        this.wiki = wiki;
        this.callers = callers;
    }

    /** The caller's institution's wiki page: whether the engine has stopped keeping it, and why. */
    @GetMapping("/wiki-notice")
    String wikiNotice(Model model) {
        model.addAttribute("stoppedBecause", wiki.stoppedBecause(callers.ids()).orElse(null));
        return "ui/wiki-notice :: wiki-notice";
    }
}
