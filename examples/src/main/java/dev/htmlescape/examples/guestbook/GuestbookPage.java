package dev.htmlescape.examples.guestbook;

import dev.htmlescape.EscapeContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the guestbook page: the form, then every entry.
 *
 * <p><b>The stored entries are written without output encoding, by string concatenation, on
 * purpose.</b> This page stands for the template that forgot to encode: an old JSP, an e-mail, an
 * admin screen. With the library on, what was stored is already escaped and shows as typed; with
 * {@code html-escape.enabled=false} the same page runs whatever script a visitor signed with. Do
 * not copy this: the README says why output encoding stays, and what already escaped text means
 * for a view that encodes.
 *
 * <p>The form's own values are another matter: a form that failed validation is shown again with
 * the text just typed, which the library has not escaped (it escapes after validation, and only
 * arguments that passed it), so those are encoded here.
 */
final class GuestbookPage {

    private static final DateTimeFormatter SHOWN_DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private GuestbookPage() {
    }

    /**
     * The form as a visitor left it: what they typed and what was wrong with each field.
     *
     * @param name the name as typed, not escaped
     * @param message the message as typed, not escaped
     * @param errors the validation messages of each field, by field name
     */
    record Form(String name, String message, Map<String, List<String>> errors) {

        static final Form EMPTY = new Form("", "", Map.of());
    }

    static String render(List<Entry> entries, Form form) {
        StringBuilder html = new StringBuilder(1024 + entries.size() * 256);
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Guestbook</title>
                <style>
                body { font-family: sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
                label { display: block; margin-top: .75rem; }
                input, textarea { display: block; width: 100%; box-sizing: border-box; }
                .error { color: #b00020; }
                .entry { border-top: 1px solid #ddd; margin-top: 1rem; }
                .entry-date { color: #666; font-size: .8rem; }
                </style>
                </head>
                <body>
                <h1>Guestbook</h1>
                <p>This page writes every entry without output encoding, on purpose: what keeps a
                script you sign with from running is the library, which escaped it when it came in.</p>
                <form id="entry-form" method="post" action="/entries">
                """);
        // typed text that failed validation: never escaped by the library, so encode it here
        html.append("<label>Name <input name=\"name\" maxlength=\"").append(EntryForm.NAME_MAX)
                .append("\" value=\"").append(encode(form.name())).append("\"></label>\n");
        appendErrors(html, form.errors().get("name"));
        html.append("<label>Message <textarea name=\"message\" rows=\"4\" maxlength=\"")
                .append(EntryForm.MESSAGE_MAX).append("\">").append(encode(form.message()))
                .append("</textarea></label>\n");
        appendErrors(html, form.errors().get("message"));
        html.append("<button type=\"submit\">Sign the guestbook</button>\n</form>\n");

        html.append("<section id=\"entries\">\n");
        for (Entry entry : entries) {
            // stored text written as it is, WITHOUT output encoding: this is what the library protects
            html.append("<article class=\"entry\" id=\"entry-").append(entry.id())
                    .append("\" title=\"Signed by ").append(entry.name()).append("\">")
                    .append("<h2 class=\"entry-name\">").append(entry.name()).append("</h2>")
                    .append("<p class=\"entry-message\">").append(entry.message()).append("</p>")
                    .append("<footer class=\"entry-date\"><time datetime=\"").append(entry.createdAt())
                    .append("\">").append(SHOWN_DATE.format(entry.createdAt())).append("</time></footer>")
                    .append("</article>\n");
        }
        html.append("</section>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void appendErrors(StringBuilder html, List<String> errors) {
        if (errors != null) {
            for (String error : errors) {
                html.append("<p class=\"error\">").append(encode(error)).append("</p>\n");
            }
        }
    }

    private static String encode(String text) {
        return text == null ? "" : EscapeContext.HTML.encode(text);
    }
}
