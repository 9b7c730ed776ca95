package dev.htmlescape.testing.jackson;

/**
 * Stands for the {@code JsonNode} of whichever Jackson line runs the tests, in the type arguments
 * of shared DTOs such as {@code Shapes.Tree<JsonTree>}: {@link TypeOf#resolve} puts the line's
 * class in its place. Never instantiated.
 */
public final class JsonTree {

    private JsonTree() {
    }
}
