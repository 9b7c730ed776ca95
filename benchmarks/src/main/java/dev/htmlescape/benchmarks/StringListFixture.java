package dev.htmlescape.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The large-collection scenario: an {@code ArrayList} of Strings of mixed text (100,000 unless
 * told), where the cost per String dominates and the cost per object vanishes.
 */
public final class StringListFixture extends Fixture<List<String>> {

    static final int SIZE = 100_000;

    /** Never escaped: the values {@link #reset()} puts back. */
    private final String[] pristine;

    /**
     * Builds the list.
     *
     * @param flavour clean text, or every fourth String dirty
     */
    public StringListFixture(Flavour flavour) {
        this(flavour, 0, SIZE);
    }

    /**
     * Builds a list of {@code size} Strings.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param size how many Strings
     * @return the fixture
     */
    public static StringListFixture ofSize(Flavour flavour, int size) {
        return new StringListFixture(flavour, 0, size);
    }

    /**
     * Builds the list, with the dirty Strings elsewhere: for tests.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param firstDirty 0 to 3: which of each four Strings is dirty
     */
    StringListFixture(Flavour flavour, int firstDirty) {
        this(flavour, firstDirty, SIZE);
    }

    private StringListFixture(Flavour flavour, int firstDirty, int size) {
        super(newList(new SampleText(flavour, firstDirty), size), flavour == Flavour.DIRTY);
        this.pristine = root().toArray(new String[0]);
    }

    private static List<String> newList(SampleText text, int size) {
        List<String> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(text.nextAny());
        }
        return list;
    }

    @Override
    public void reset() {
        List<String> list = root();
        for (int i = 0; i < pristine.length; i++) {
            list.set(i, pristine[i]);
        }
    }
}
