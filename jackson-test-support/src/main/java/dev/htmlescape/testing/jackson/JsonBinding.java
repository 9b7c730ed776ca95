package dev.htmlescape.testing.jackson;

import dev.htmlescape.Escaper;
import java.lang.reflect.Type;

/**
 * One Jackson line as the shared tests see it: a mapper with the line's {@code HtmlEscapeModule}
 * and a plain one. Each module's tests implement it with their {@code mapperWithModule()} and
 * {@code plainMapper()}; everything else here is written once, for both lines.
 *
 * <p>Types may name {@link JsonTree} where the line's {@code JsonNode} is meant (see {@link
 * TypeOf}). JSON in the tables is written with single quotes; {@link #json(String)} turns them
 * into double ones.
 */
public interface JsonBinding {

    /** Reads {@code json} with the module and the default policy. */
    Object readWithModule(String json, Type type) throws Exception;

    /** Reads {@code json} as a tree with the module's mapper's {@code readTree}. */
    Object readTreeWithModule(String json) throws Exception;

    /** Reads {@code json} with a module made from {@code escaper}. */
    Object readWithModule(String json, Type type, Escaper escaper) throws Exception;

    /** Reads UTF-8 bytes with the module, as a request body arrives. */
    Object readWithModule(byte[] json, Type type) throws Exception;

    /**
     * Reads {@code json} into {@code existing}, of {@code type}, with the module's mapper's
     * {@code readerForUpdating}.
     */
    Object updateWithModule(Object existing, Type type, String json) throws Exception;

    /** Reads {@code json} with a plain mapper. */
    Object readPlain(String json, Type type) throws Exception;

    /** Reads UTF-8 bytes with a plain mapper. */
    Object readPlain(byte[] json, Type type) throws Exception;

    /** Writes {@code value} with the mapper that has the module (writing is never escaped). */
    String writeWithModule(Object value) throws Exception;

    /** Writes {@code value} with a plain mapper. */
    String writePlain(Object value) throws Exception;

    /** Writes {@code value} as a client sends it: ASCII only, anything else as a {@code \\u} escape. */
    byte[] writeAsClient(Object value) throws Exception;

    /** {@code value} as the line's {@code JsonNode}, for comparing beans that have no {@code equals}. */
    Object toTree(Object value);

    /** An object node with one text property. */
    Object objectNode(String name, String text);

    /** The text of {@code name} in an object node. */
    String textOf(Object tree, String name);

    /** The line's {@code JsonNode} class, which stands where {@link JsonTree} is named. */
    Class<?> treeType();

    /** The class of the exception a read throws when the data is refused: the line's {@code DatabindException}. */
    Class<? extends Exception> readFailure();

    /**
     * The class of the exception the UTF-8 parser throws for malformed input, the read's exception
     * or one of its causes.
     */
    Class<? extends Exception> parseFailure();

    /** The name of the first property on the path of a read failure. */
    String firstPropertyOnPath(Exception readFailure);

    /** JSON written with single quotes for readability, with double ones. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
