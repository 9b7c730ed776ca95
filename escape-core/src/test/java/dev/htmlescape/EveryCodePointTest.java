package dev.htmlescape;

import static dev.htmlescape.testing.CodePointSweep.EVERY_CODE_POINT;
import static dev.htmlescape.testing.CodePointSweep.chunks;
import static dev.htmlescape.testing.CodePointSweep.sequences;

import dev.htmlescape.testing.CodePointSweep.Chunk;
import dev.htmlescape.testing.CodePointSweep.Sweep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every code point U+0000..U+10FFFF, lone surrogates included, and text whose code points belong
 * together (emoji sequences, right-to-left text, zero-width characters, combining marks), through
 * each door of the walker: a field of a mutable object, a record component and a map key. Each
 * input is escaped in a call of its own and must come out exactly as {@code Encode.forHtml} says,
 * and decode back, through jsoup, to itself with the encoder's invalid characters replaced (see
 * {@code CodePointSweep}).
 *
 * <p>{@code HtmlEncoderTest} sweeps the encoder alone; this sweeps what the walker does with its
 * result: that no slot skips, truncates, splits or escapes twice any code point.
 */
class EveryCodePointTest {

    /** A mutable object, as a form or DTO arrives: its field is written in place. */
    static final class Note {
        String text;
    }

    /** An immutable one: the record is rebuilt with the escaped component. */
    record Label(String text) {
    }

    private static final int CHUNK = 4_096;

    @Test
    void everyCodePointInAFieldComesOutAsForHtmlSays() {
        assertEveryCodePointAndSequence("a field", text -> {
            Note note = new Note();
            note.text = text;
            Note escaped = Escaper.escape(note);
            if (escaped != note) {
                throw new AssertionError("a mutable root is escaped in place");
            }
            return escaped.text;
        });
    }

    @Test
    void everyCodePointInARecordComponentComesOutAsForHtmlSays() {
        assertEveryCodePointAndSequence("a record component", text -> Escaper.escape(new Label(text)).text());
    }

    @Test
    void everyCodePointInAMapKeyComesOutAsForHtmlSays() {
        assertEveryCodePointAndSequence("a map key", text -> {
            Map<String, String> map = new HashMap<>();
            map.put(text, "v");
            Map<String, String> escaped = Escaper.escape(map);
            if (escaped.size() != 1) {
                throw new AssertionError("one entry in, " + escaped.size() + " out");
            }
            String key = escaped.keySet().iterator().next();
            if (!"v".equals(escaped.get(key))) {
                throw new AssertionError("the escaped key finds its value: the map was rehashed");
            }
            return key;
        });
    }

    /** Sends each code point, then each sequence, through {@code door}, and checks all of them. */
    private static void assertEveryCodePointAndSequence(String name, UnaryOperator<String> door) {
        Sweep sweep = new Sweep(name);
        for (Chunk chunk : chunks(CHUNK, true)) {
            List<String> inputs = chunk.texts();
            sweep.check(inputs, through(door, inputs));
        }
        List<String> sequences = sequences();
        sweep.check(sequences, through(door, sequences));

        sweep.assertPassed(EVERY_CODE_POINT + sequences.size());
    }

    private static List<String> through(UnaryOperator<String> door, List<String> inputs) {
        List<String> outputs = new ArrayList<>(inputs.size());
        for (String input : inputs) {
            outputs.add(door.apply(input));
        }
        return outputs;
    }
}
