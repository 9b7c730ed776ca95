/**
 * htmlescape for Jackson 2: a module that escapes every String while JSON is read. See
 * {@link dev.htmlescape.jackson2.HtmlEscapeModule}.
 */
module dev.htmlescape.jackson2 {
    requires transitive dev.htmlescape;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.htmlescape.jackson2;
}
