package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each source file of the library modules does one job, and one job fits in 400 lines. */
class LibrarySourcesTest {

    private static final int MAX_LINES = 400;
    private static final List<String> LIBRARY_MODULES = List.of("escape-core", "escape-jackson", "escape-jackson2",
            "escape-spring");

    @Test
    void noMainSourceFileOfALibraryModuleIsLongerThan400Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        int files = 0;
        for (String module : LIBRARY_MODULES) {
            try (Stream<Path> sources = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    files++;
                    long lines = Files.readAllLines(source).size();
                    if (lines > MAX_LINES) {
                        tooLong.add(source + ": " + lines + " lines");
                    }
                }
            }
        }

        assertTrue(files > 50, "the library's sources were found: " + files);
        assertEquals(List.of(), tooLong, "split these files by their jobs");
    }
}
