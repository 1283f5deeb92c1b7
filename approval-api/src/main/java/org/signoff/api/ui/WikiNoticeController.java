package org.signoff.api.ui;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.signoff.api.wiki.WikiPublicationStatus;

/** The master list page's notice that the wiki page is no longer kept, and why; empty while it is. */
@Hidden
@Controller
@RequestMapping("/ui")
class WikiNoticeController {

    private final WikiPublicationStatus wiki;

    WikiNoticeController(WikiPublicationStatus wiki) {
        this.wiki = wiki;
    }

    @GetMapping("/wiki-notice")
    String wikiNotice(Model model) {
        model.addAttribute("stoppedBecause", wiki.stoppedBecause().orElse(null));
        return "ui/wiki-notice :: wiki-notice";
    }
}
