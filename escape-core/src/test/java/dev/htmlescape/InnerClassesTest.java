package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Inner, anonymous and local classes: their own fields are walked like any class's, while what the
 * compiler adds (the synthetic reference to the enclosing instance, the captured variables) is code
 * state, not data, and is neither entered nor written. (The plain inner-class case is in
 * {@link StringFieldsTest#leavesSyntheticOuterInstanceAlone}.)
 */
class InnerClassesTest {

    static class Dto {
        String name = "<b>";
    }

    /** Text of the enclosing instance: it must be escaped once, or not at all, never through this$0. */
    String outerText = "<outer>";

    /** An inner class whose enclosing instance is also reached through a field of its own. */
    class Child {
        String text = "<child>";
        Object parent;

        String outerTextSeenFromInside() {
            return outerText;
        }
    }

    static class Family {
        Object head;
        List<Object> children = new ArrayList<>();
    }

    @Test
    void innerObjectsReachedFromTheirEnclosingInstanceAreEscapedOnceAndKeepTheirOuterReference() {
        Family family = new Family();
        family.head = this;
        for (int i = 0; i < 3; i++) {
            Child child = new Child();
            child.parent = this;
            family.children.add(child);
        }

        Escaper.escape(family);

        assertEquals("&lt;outer&gt;", outerText, "escaped once, though three inner objects point at it");
        for (Object child : family.children) {
            assertEquals("&lt;child&gt;", ((Child) child).text);
            assertSame(this, ((Child) child).parent);
            assertEquals("&lt;outer&gt;", ((Child) child).outerTextSeenFromInside(), "this$0 still points here");
        }
    }

    @Test
    void anonymousSubclassIsWalkedThroughItsOwnAndInheritedFieldsButNotWhatItCaptured() {
        Dto captured = new Dto();
        var anonymous = new Dto() {
            String extra = "<extra>";

            @Override
            public String toString() {
                return captured.name + outerText + extra;
            }
        };
        List<Object> list = new ArrayList<>(List.of(anonymous));

        Escaper.escape(list);

        assertEquals("&lt;b&gt;", anonymous.name, "the inherited field");
        assertEquals("&lt;extra&gt;", anonymous.extra, "its own field");
        assertEquals("<b>", captured.name, "a captured variable is not entered");
        assertEquals("<outer>", outerText, "nor is the enclosing instance");
        assertSame(anonymous, list.get(0));
    }

    @Test
    void localClassIsWalkedThroughItsOwnFieldsButNotWhatItCaptured() {
        Dto captured = new Dto();
        class Local implements Supplier<String> {
            String text = "<local>";

            @Override
            public String get() {
                return captured.name + outerText + text;
            }
        }
        Local local = new Local();

        Family family = new Family();
        family.head = local;

        Escaper.escape(family);

        assertEquals("&lt;local&gt;", local.text);
        assertEquals("<b>", captured.name);
        assertEquals("<outer>", outerText);
    }

    static class Holder {
        List<String> list;
        Map<String, String> map;
        Set<String> sorted;
    }

    /**
     * Double-brace initialization makes an anonymous subclass of the JDK collection with a
     * reference to the enclosing instance: it is walked as the collection it is, its elements
     * escaped, and the enclosing instance is not entered.
     */
    @Test
    @SuppressWarnings("serial")
    void doubleBraceInitializedCollectionsAreWalkedAsContainersWithoutTheirEnclosingInstance() {
        Holder holder = new Holder();
        holder.list = new ArrayList<>() {
            {
                add("<a>");
                add(outerText);
            }
        };
        holder.map = new HashMap<>() {
            {
                put("<k>", "<v>");
            }
        };
        // an anonymous comparator with state of its own: the comparator of a JDK set is never entered
        Comparator<String> reversed = new Comparator<>() {
            final String label = "<comparator>";

            @Override
            public int compare(String a, String b) {
                return b.compareTo(a);
            }

            @Override
            public String toString() {
                return label;
            }
        };
        holder.sorted = new TreeSet<>(reversed);
        holder.sorted.add("<x>");
        holder.sorted.add("<y>");

        Escaper.escape(holder);

        assertEquals(List.of("&lt;a&gt;", "&lt;outer&gt;"), holder.list);
        assertEquals("<outer>", outerText, "the list's synthetic outer reference is not followed");
        assertEquals(Map.of("&lt;k&gt;", "&lt;v&gt;"), holder.map);
        assertEquals("&lt;v&gt;", holder.map.get("&lt;k&gt;"), "the anonymous map was refilled in place");
        assertEquals(List.of("&lt;y&gt;", "&lt;x&gt;"), new ArrayList<>(holder.sorted), "still ordered by it");
        assertTrue(holder.sorted instanceof TreeSet);
        assertEquals("<comparator>", reversed.toString(), "the comparator's own field is not entered");
    }
}
