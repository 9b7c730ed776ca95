package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.spi.ToolProvider;

/** Compiles sources at test time, for classes that must live in a package or module of their own. */
final class TestCompiler {

    private TestCompiler() {
    }

    /** Runs {@code javac} with {@code args} and fails the test with its output if it fails. */
    static void javac(String... args) {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("javac is not in the test runtime"));
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output);
        int status = javac.run(writer, writer, args);
        writer.flush();
        assertEquals(0, status, "javac failed: " + output);
    }
}
