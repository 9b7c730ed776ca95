package dev.htmlescape.examples.guestbook;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The guestbook as a Thymeleaf page ({@code templates/guestbook.html}): the way a page should be
 * written, encoding its output with {@code th:text}. escape-spring's {@code th:text} shows what the
 * library escaped as it was typed, so {@code O'Brien} is not shown as {@code O&#39;Brien}.
 */
@Controller
class GuestbookTemplateController {

    private final EntryRepository entries;

    GuestbookTemplateController(EntryRepository entries) {
        this.entries = entries;
    }

    @GetMapping("/thymeleaf")
    String page(Model model) {
        model.addAttribute("entries", entries.findAll());
        return "guestbook";
    }
}
