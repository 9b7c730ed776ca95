package dev.htmlescape;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text as it was typed, of Strings this library escaped: what validation that runs after
 * escaping (an entity validated before insert, a {@code @Validated} service) should judge, so that
 * {@code O'Brien} still matches {@code @Pattern} and a 30-character name still fits
 * {@code @Size(max = 30)} once it has become {@code O&#39;Brien}.
 *
 * <pre>{@code
 * TypedText.startRemembering();                    // once, at startup: escape-spring does it
 * Person person = Escaper.escape(form);            // person.name is now "O&#39;Brien"
 * TypedText.of(person.name());                     // "O'Brien"
 * TypedText.of("O&#39;Brien");                     // "O&#39;Brien": not a String the library made
 * }</pre>
 *
 * <p>Nothing is remembered until {@link #startRemembering()}. From then on every String that an
 * {@link EscapeContext} changes (in a walk, in the Jackson modules, or called directly) remembers the
 * text it was made from, by identity, for as long as the escaped String itself is reachable: a
 * String that is only equal to it, or made from it ({@code trim()}, a concatenation, a copy read
 * back from a database), is not known. Text that needed no escaping is its own typed text and
 * costs nothing.
 *
 * <p>Thread-safety: all methods may be called from any thread; a String escaped on one thread is
 * known on every other.
 */
public final class TypedText {

    private static volatile boolean remembering;
    private static final ConcurrentHashMap<Object, String> TYPED = new ConcurrentHashMap<>();
    private static final ReferenceQueue<String> COLLECTED = new ReferenceQueue<>();

    private TypedText() {
    }

    /** From now on, and for the life of the class loader, remembers the typed text of what is escaped. */
    public static void startRemembering() {
        remembering = true;
    }

    /** Whether {@link #startRemembering()} has been called. */
    public static boolean isRemembering() {
        return remembering;
    }

    /**
     * The text {@code value} was escaped from, if this library escaped it while remembering.
     *
     * @param value any text; may be {@code null}
     * @return the typed text; {@code value} itself when it is not a String this library made
     */
    public static CharSequence of(CharSequence value) {
        if (!remembering || !(value instanceof String text)) {
            return value;
        }
        String typed = TYPED.get(new Lookup(text));
        return typed != null ? typed : value;
    }

    /** Called by {@link EscapeContext#encode} with each text it changed. */
    static void escaped(String typed, String escaped) {
        if (remembering) {
            for (Object gone; (gone = COLLECTED.poll()) != null; ) {
                TYPED.remove(gone);
            }
            TYPED.put(new Key(escaped, COLLECTED), typed);
        }
    }

    /** How many escaped Strings are remembered now, for tests. */
    static int size() {
        return TYPED.size();
    }

    /** A remembered String, held weakly; equal to a {@link Lookup} of the same instance. */
    private static final class Key extends WeakReference<String> {

        private final int hash;

        Key(String escaped, ReferenceQueue<String> queue) {
            super(escaped, queue);
            this.hash = System.identityHashCode(escaped);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            String mine = get();
            return mine != null && (other instanceof Lookup lookup ? lookup.text == mine
                    : other instanceof Key key && key.get() == mine);
        }
    }

    /** The String being looked up, held strongly for the length of a lookup. */
    private record Lookup(String text) {

        @Override
        public int hashCode() {
            return System.identityHashCode(text);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.get() == text || other instanceof Lookup lookup && lookup.text == text;
        }
    }
}
