package dev.htmlescape;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link Escaper} does with every String a type can hold, read from the declared types
 * alone, before any instance exists: fields, record components, array and collection elements,
 * map keys and values (element types from generics) and {@code Optional} contents, each with its
 * {@link Treatment}. It lets an application see what the library covers, and its own test pin it:
 *
 * <pre>{@code
 * Coverage coverage = Escaper.coverage(OrderForm.class);
 * System.out.println(coverage);   // orderForm.lines[].title  HTML
 *                                 // orderForm.couponCode    left alone: @NoEscape on field OrderForm.couponCode
 * assertEquals(List.of("orderForm.couponCode"),
 *         coverage.unescaped().stream().map(Coverage.Entry::path).toList());
 * }</pre>
 *
 * <p>Paths are written as the walker names them in an {@link EscapeException}, with {@code []} for
 * every element of an array or collection, {@code {key}} and {@code {value}} for a map's keys and
 * values and {@code ?} for an {@code Optional}'s content. A class met again below itself (a tree
 * of nodes) is not expanded a second time: its paths are those listed above it. The report knows
 * the declared types only: fields that a subclass adds at run time are not in it, and what a
 * field declared {@code Object} or with an interface holds is {@link Treatment#AT_RUN_TIME}.
 *
 * <p>Thread-safety: immutable.
 */
public final class Coverage {

    /** What happens to the Strings at one path. */
    public enum Treatment {
        /** Escaped for {@link Entry#context()}. */
        ESCAPED,
        /** Left as it is by {@code @NoEscape}, or because map keys are not escaped. */
        LEFT_ALONE,
        /** Held by an object the walker does not enter; {@link Entry#reason()} says why. */
        NOT_ENTERED,
        /** Would need escaping but cannot be written back: a {@code final} field of a class that is not a record. */
        NOT_WRITABLE,
        /** Declared {@code Object} or an interface: what is there, and so what happens, is known only at run time. */
        AT_RUN_TIME,
        /** Named like a credential (see {@link EscaperBuilder#secretNames}): left exactly as typed. */
        SECRET
    }

    /**
     * One path and what happens to the Strings there.
     *
     * @param path the path, such as {@code order.lines[].title}
     * @param treatment what happens to the Strings at that path
     * @param context the context they are escaped for when {@link Treatment#ESCAPED}; otherwise {@code null}
     * @param reason why, for every treatment but {@link Treatment#ESCAPED}; otherwise {@code null}
     */
    public record Entry(String path, Treatment treatment, EscapeContext context, String reason) {

        /**
         * Checks that an escaped entry has a context and every other one a reason.
         *
         * @throws NullPointerException if {@code path} or {@code treatment} is null, or the context or
         *     reason the treatment needs is missing
         */
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(treatment, "treatment");
            if (treatment == Treatment.ESCAPED) {
                Objects.requireNonNull(context, "context of an escaped path");
            } else {
                Objects.requireNonNull(reason, "reason of a path that is not escaped");
            }
        }

        /**
         * What happens at this path, in words.
         *
         * @return the context's name for an escaped path ({@code HTML}); otherwise the treatment and its reason
         */
        public String describe() {
            return switch (treatment) {
                case ESCAPED -> context.name();
                case LEFT_ALONE -> "left alone: " + reason;
                case NOT_ENTERED -> "not entered: " + reason;
                case NOT_WRITABLE -> "cannot be written: " + reason;
                case AT_RUN_TIME -> "decided at run time: " + reason;
                case SECRET -> "secret: " + reason;
            };
        }

        /** The path, two spaces and {@link #describe()}. */
        @Override
        public String toString() {
            return path + "  " + describe();
        }
    }

    private final Type type;
    private final List<Entry> entries;

    Coverage(Type type, List<Entry> entries) {
        this.type = type;
        this.entries = List.copyOf(entries);
    }

    /**
     * The type this report is of.
     *
     * @return the type given to {@link Escaper#coverage(Type)}
     */
    public Type type() {
        return type;
    }

    /**
     * Every path, in the order the walker reaches them: a class's own fields and its superclasses'
     * as the walker reads them, depth first.
     *
     * @return an immutable list
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The paths whose Strings are not escaped, or not certainly: every entry but the escaped ones.
     *
     * @return an immutable list, in the order of {@link #entries()}
     */
    public List<Entry> unescaped() {
        return entries.stream().filter(entry -> entry.treatment() != Treatment.ESCAPED).toList();
    }

    /** One line per path, the descriptions lined up after the longest path. */
    @Override
    public String toString() {
        int width = entries.stream().mapToInt(entry -> entry.path().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(entry.path()).append(" ".repeat(width - entry.path().length() + 2))
                    .append(entry.describe()).append('\n');
        }
        return out.toString();
    }
}
