/**
 * htmlescape core: walks an object graph and replaces every String it reaches with its
 * OWASP-encoded form. See {@link dev.htmlescape.Escaper}; adapters build on {@link
 * dev.htmlescape.spi.AdapterSupport}.
 */
module dev.htmlescape {
    requires owasp.encoder;

    exports dev.htmlescape;
    exports dev.htmlescape.spi;
}
