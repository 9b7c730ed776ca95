package dev.htmlescape.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The large-collection scenario: an {@code ArrayList} of 100,000 Strings of mixed text, where the
 * cost per String dominates and the cost per object vanishes.
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
        this(flavour, 0);
    }

    /**
     * Builds the list, with the dirty Strings elsewhere: for tests.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param firstDirty 0 to 3: which of each four Strings is dirty
     */
    StringListFixture(Flavour flavour, int firstDirty) {
        super(newList(new SampleText(flavour, firstDirty)), flavour == Flavour.DIRTY);
        this.pristine = root().toArray(new String[0]);
    }

    private static List<String> newList(SampleText text) {
        List<String> list = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
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
