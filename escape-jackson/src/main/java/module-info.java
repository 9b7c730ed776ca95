/**
 * htmlescape for Jackson 3: a module that escapes every String while JSON is read. See
 * {@link dev.htmlescape.jackson.HtmlEscapeModule}.
 */
module dev.htmlescape.jackson {
    requires transitive dev.htmlescape;
    requires transitive tools.jackson.databind;

    exports dev.htmlescape.jackson;
}
