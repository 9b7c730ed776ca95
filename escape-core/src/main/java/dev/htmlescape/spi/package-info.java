/**
 * The adapters' SPI: what a JSON module or a web framework's binding needs of the core beyond
 * {@link dev.htmlescape.Escaper#escapeGraph}, kept apart from the user API. See {@link
 * dev.htmlescape.spi.AdapterSupport}.
 */
package dev.htmlescape.spi;
