package dev.htmlescape;

import java.util.Collection;
import java.util.Map;

/**
 * Clears a set, queue or map and fills it again in order, so that hashing and ordering see escaped
 * contents. If that fails, or the container then holds fewer than it was given (it judged two of
 * them equal), the original contents are put back, and the problem says how that went: nothing is
 * lost without being said. Used by the collection and map frames and by {@link KeyEscaper}.
 */
final class Refill {

    /** Why a refill did not take, with what putting the originals back did; and the cause, if any. */
    record Failure(String problem, Throwable cause) {
    }

    /** Fills a container from two parallel arrays (for a collection, the second is unused). */
    private interface Filler {
        void fill(Object[] first, Object[] second);

        int size();
    }

    private Refill() {
    }

    /** Refills {@code target} with {@code contents}; {@code null} when that took. */
    static Failure collection(Collection<Object> target, Object[] contents, Object[] originals) {
        Filler filler = new Filler() {
            @Override
            public void fill(Object[] elements, Object[] unused) {
                GraphCode.clear(target);
                GraphCode.addAll(target, elements);
            }

            @Override
            public int size() {
                return GraphCode.size(target);
            }
        };
        return refill(target, filler, contents, null, originals, null, false);
    }

    /** Refills {@code target} with the entries {@code keys[i]}, {@code values[i]}; {@code null} when that took. */
    static Failure map(Map<Object, Object> target, Object[] keys, Object[] values, Object[] originalKeys,
            Object[] originalValues) {
        Filler filler = new Filler() {
            @Override
            public void fill(Object[] entryKeys, Object[] entryValues) {
                GraphCode.clear(target);
                for (int i = 0; i < entryKeys.length; i++) {
                    GraphCode.put(target, entryKeys[i], entryValues[i]);
                }
            }

            @Override
            public int size() {
                return GraphCode.size(target);
            }
        };
        return refill(target, filler, keys, values, originalKeys, originalValues, true);
    }

    private static Failure refill(Object target, Filler filler, Object[] first, Object[] second,
            Object[] originalFirst, Object[] originalSecond, boolean entries) {
        String name = target.getClass().getName();
        String problem;
        Throwable cause = null;
        try {
            filler.fill(first, second);
            int size = filler.size();
            if (size == first.length) {
                return null;
            }
            problem = entries
                    ? "escaping made keys equal that " + name + " held apart, and it would have lost "
                            + (first.length - size) + " entries"
                    : "escaping made elements equal that " + name + " held apart, and it would have lost "
                            + (first.length - size);
        } catch (GraphCodeFailure e) {
            problem = name + " refused an escaped " + (entries ? "entry" : "element") + " (" + e.thrown() + ")";
            cause = e.thrown();
        } catch (StackOverflowError e) {
            // a hashCode or compareTo of the graph that overflowed the stack after the clear must not
            // leave the container empty
            problem = name + " refused an escaped " + (entries ? "entry" : "element") + " (" + e + ")";
            cause = e;
        }
        String contents = entries ? "entries" : "elements";
        String restored;
        try {
            filler.fill(originalFirst, originalSecond);
            int size = filler.size();
            restored = size == originalFirst.length ? "its " + contents + " were put back unescaped"
                    : "putting its " + contents + " back kept only " + size + " of " + originalFirst.length;
        } catch (GraphCodeFailure again) {
            restored = "putting its " + contents + " back failed too (" + again.thrown() + ")";
        }
        return new Failure(problem + "; " + restored, cause);
    }
}
