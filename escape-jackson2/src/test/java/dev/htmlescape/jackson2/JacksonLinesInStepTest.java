package dev.htmlescape.jackson2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This module and {@code escape-jackson} are one design written twice, for Jackson 2 and for
 * Jackson 3. Their sources must stay in step: the same files, and in each file the same classes,
 * methods, messages and calls into the core, once the packages of the two Jackson lines are taken
 * for one. The few places where the two lines' APIs make them differ are listed below with their
 * reason; anything else that differs, or a listed difference that is gone, fails here.
 */
class JacksonLinesInStepTest {

    private static final Path JACKSON_3 = Path.of("..", "escape-jackson", "src", "main", "java", "dev", "htmlescape", "jackson");
    private static final Path JACKSON_2 = Path.of("src", "main", "java", "dev", "htmlescape", "jackson2");

    /** What only one line has, as {@code file: kind: item (line)}, and why. */
    private static final Set<String> KNOWN_DIFFERENCES = Set.of(
            // Jackson 2 hands an any-setter values it did not read itself, buffered in a class of its own
            "EscapingAnySetter.java: class: Buffered (2)",
            "EscapingAnySetter.java: method: Buffered (2)",
            "EscapingAnySetter.java: message: a value this any-setter did not read:  (2)",
            // Jackson 3's ValueInstantiators has a second hook, for instantiators Jackson made itself
            "EscapingValueInstantiators.java: method: modifyValueInstantiator (3)",
            // Jackson 3's Deserializers return raw ValueDeserializer types
            "EscapingTreeDeserializers.java: message: unchecked (3)");

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile(
            "^\\s+(?:(?:public|protected|private|static|final|synchronized|abstract)\\s+)*(?:<[^>]+>\\s+)?"
                    + "[\\w.<>\\[\\], ?]+\\s+(\\w+)\\s*\\([^;{]*\\)\\s*(?:throws [\\w., ]+)?\\s*\\{", Pattern.MULTILINE);
    private static final Pattern CORE_CALL = Pattern.compile(
            "\\b(Escaper|AdapterSupport|EscapeContext|TypedText|EscapeException)\\.(\\w+)");
    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized", "return");

    @Test
    void bothLinesHaveTheSameFiles() throws IOException {
        assertEquals(files(JACKSON_3), files(JACKSON_2));
    }

    @Test
    void eachFileHasTheSameClassesMethodsMessagesAndCoreCallsInBothLinesButForTheKnownDifferences() throws IOException {
        Set<String> differences = new TreeSet<>();
        for (String file : files(JACKSON_3)) {
            List<String> three = items(file, Files.readString(JACKSON_3.resolve(file)));
            List<String> two = items(file, Files.readString(JACKSON_2.resolve(file)));
            three.stream().filter(item -> !two.remove(item)).forEach(item -> differences.add(item + " (3)"));
            two.forEach(item -> differences.add(item + " (2)"));
        }

        Set<String> unexpected = new TreeSet<>(differences);
        unexpected.removeAll(KNOWN_DIFFERENCES);
        Set<String> gone = new TreeSet<>(KNOWN_DIFFERENCES);
        gone.removeAll(differences);
        assertTrue(unexpected.isEmpty(), "the two Jackson lines drifted apart; bring the other one in step: "
                + String.join("\n", unexpected));
        assertTrue(gone.isEmpty(), "a known difference is gone; drop it from the list: " + gone);
    }

    @Test
    void theComparisonSeesWhatAFileDeclares() throws IOException {
        List<String> items = items("Escaping.java", Files.readString(JACKSON_2.resolve("Escaping.java")));

        assertTrue(items.contains("Escaping.java: class: Escaping"), items::toString);
        assertTrue(items.contains("Escaping.java: method: contextFor"), items::toString);
        assertTrue(items.stream().anyMatch(item -> item.startsWith("Escaping.java: core: AdapterSupport.contextFor")),
                items::toString);
    }

    /** The classes, methods, messages and calls into the core of one source file, in order. */
    private static List<String> items(String file, String source) {
        String code = COMMENT.matcher(source).replaceAll("");
        List<String> items = new ArrayList<>();
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            items.add(file + ": message: " + literal.group(1).replace("jackson2", "jackson"));
        }
        String withoutLiterals = LITERAL.matcher(code).replaceAll("\"\"");
        collect(TYPE, withoutLiterals, file + ": class: ", items);
        collect(METHOD, withoutLiterals, file + ": method: ", items);
        collect(CORE_CALL, withoutLiterals, file + ": core: ", items);
        items.removeIf(item -> KEYWORDS.contains(item.substring(item.lastIndexOf(' ') + 1)));
        return items;
    }

    private static void collect(Pattern pattern, String code, String prefix, List<String> items) {
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            items.add(prefix + (matcher.groupCount() == 2 ? matcher.group(1) + "." + matcher.group(2) : matcher.group(1)));
        }
    }

    private static Set<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
