package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.owasp.encoder.Encode;

/** Contract point 3: arrays of references are written in place; primitive arrays are untouched. */
class ArraysTest {

    static class Item {
        String name;

        Item(String name) {
            this.name = name;
        }
    }

    record Label(String text) {
    }

    static class Holder {
        String[] strings;
        Item[] items;
        Object[] mixed;
        String[][] grid;
        Label[] labels;
        CharSequence[] sequences;
        List<?>[] lists;
        int[] ints;
        char[] chars;
        byte[] bytes;
        double[] doubles;
        Object primitiveAsObject;
    }

    @Test
    void escapesStringArrayInPlace() {
        String clean = new String("clean");
        String[] strings = {"<a>", null, clean, "O'Brien", "x & y"};
        Holder holder = new Holder();
        holder.strings = strings;

        Escaper.escape(holder);

        assertSame(strings, holder.strings);
        assertArrayEquals(new String[] {"&lt;a&gt;", null, "clean", "O&#39;Brien", "x &amp; y"}, strings);
        assertSame(clean, strings[2], "a String that needs no encoding is not written back");
    }

    @Test
    void escapesRootArrayAndReturnsIt() {
        String[] strings = {"<r>", "ok"};

        String[] result = Escaper.escape(strings);

        assertSame(strings, result);
        assertArrayEquals(new String[] {"&lt;r&gt;", "ok"}, strings);
    }

    @Test
    void escapesArrayOfObjects() {
        Item first = new Item("<1>");
        Item second = new Item("two");
        Item[] items = {first, null, second};
        Holder holder = new Holder();
        holder.items = items;

        Escaper.escape(holder);

        assertSame(items, holder.items);
        assertSame(first, items[0]);
        assertEquals("&lt;1&gt;", first.name);
        assertNull(items[1]);
        assertSame(second, items[2]);
        assertEquals("two", second.name);
    }

    @Test
    void escapesMixedObjectArray() {
        Integer number = 42;
        Item item = new Item("<i>");
        String[] nestedStrings = {"<n>"};
        Object[] nestedObjects = {"&", item};
        Object[] mixed = {"<s>", number, item, null, nestedStrings, nestedObjects, Optional.of("<o>"),
                List.of("<l>")};
        Holder holder = new Holder();
        holder.mixed = mixed;

        Escaper.escape(holder);

        assertSame(mixed, holder.mixed);
        assertEquals("&lt;s&gt;", mixed[0]);
        assertSame(number, mixed[1]);
        assertSame(item, mixed[2]);
        assertEquals("&lt;i&gt;", item.name, "the shared item is escaped once");
        assertNull(mixed[3]);
        assertSame(nestedStrings, mixed[4]);
        assertArrayEquals(new String[] {"&lt;n&gt;"}, nestedStrings);
        assertSame(nestedObjects, mixed[5]);
        assertEquals("&amp;", nestedObjects[0]);
        assertSame(item, nestedObjects[1]);
        assertEquals(Optional.of("&lt;o&gt;"), mixed[6]);
        assertEquals(List.of("&lt;l&gt;"), mixed[7]);
    }

    @Test
    void escapesMultiDimensionalStringArray() {
        String[] row0 = {"<a>", "b"};
        String[] row2 = {"c&d"};
        String[][] grid = {row0, null, row2, {}};
        Holder holder = new Holder();
        holder.grid = grid;

        Escaper.escape(holder);

        assertSame(grid, holder.grid);
        assertSame(row0, grid[0]);
        assertSame(row2, grid[2]);
        assertArrayEquals(new String[][] {{"&lt;a&gt;", "b"}, null, {"c&amp;d"}, {}}, grid);
    }

    @Test
    void escapesThreeDimensionalArray() {
        String[][][] cube = {{{"<1>", "2"}, {"3"}}, {{"<4>"}}};

        Escaper.escape(cube);

        assertEquals("&lt;1&gt;", cube[0][0][0]);
        assertEquals("2", cube[0][0][1]);
        assertEquals("3", cube[0][1][0]);
        assertEquals("&lt;4&gt;", cube[1][0][0]);
    }

    @Test
    void replacesRecordsAndImmutableListsInsideArrays() {
        Label dirty = new Label("<l>");
        Label clean = new Label("ok");
        Label[] labels = {dirty, clean};
        List<String> immutable = List.of("<x>");
        List<String> mutable = new ArrayList<>(List.of("<y>"));
        List<?>[] lists = {immutable, mutable};
        Holder holder = new Holder();
        holder.labels = labels;
        holder.lists = lists;

        Escaper.escape(holder);

        assertSame(labels, holder.labels);
        assertEquals(new Label("&lt;l&gt;"), labels[0]);
        assertNotSame(dirty, labels[0]);
        assertSame(clean, labels[1]);
        assertSame(lists, holder.lists);
        assertEquals(List.of("&lt;x&gt;"), lists[0]);
        assertThrows(UnsupportedOperationException.class, () -> lists[0].clear());
        assertSame(mutable, lists[1]);
        assertEquals(List.of("&lt;y&gt;"), mutable);
    }

    @Test
    void escapesArrayDeclaredWithInterfaceComponentType() {
        CharSequence[] sequences = {"<c>", new StringBuilder("<sb>")};
        Holder holder = new Holder();
        holder.sequences = sequences;

        Escaper.escape(holder);

        assertEquals("&lt;c&gt;", sequences[0]);
        assertEquals("<sb>", sequences[1].toString(), "a StringBuilder is a JDK object and is not entered");
    }

    @Test
    void escapesCovariantArray() {
        Object[] covariant = new String[] {"<c>"};
        Holder holder = new Holder();
        holder.mixed = covariant;

        Escaper.escape(holder);

        assertEquals("&lt;c&gt;", covariant[0]);
    }

    @Test
    void leavesPrimitiveArraysUntouched() {
        int[] ints = {1, 60, 62};
        char[] chars = {'<', 'b', '>'};
        byte[] bytes = "<b>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        double[] doubles = {1.5};
        Holder holder = new Holder();
        holder.ints = ints;
        holder.chars = chars;
        holder.bytes = bytes;
        holder.doubles = doubles;
        holder.primitiveAsObject = new char[] {'&'};
        Object primitiveAsObject = holder.primitiveAsObject;

        Escaper.escape(holder);

        assertSame(ints, holder.ints);
        assertArrayEquals(new int[] {1, 60, 62}, ints);
        assertSame(chars, holder.chars);
        assertArrayEquals(new char[] {'<', 'b', '>'}, chars);
        assertSame(bytes, holder.bytes);
        assertArrayEquals("<b>".getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes);
        assertSame(doubles, holder.doubles);
        assertSame(primitiveAsObject, holder.primitiveAsObject);
        assertArrayEquals(new char[] {'&'}, (char[]) holder.primitiveAsObject);
    }

    @Test
    void leavesPrimitiveArrayRootUntouched() {
        char[] chars = {'<'};

        assertSame(chars, Escaper.escape(chars));
        assertEquals('<', chars[0]);
    }

    @Test
    void escapesEverySlotThatHoldsTheSameStringInstance() {
        String shared = "<s>";
        String[] strings = {shared, shared, shared};

        Escaper.escape(strings);

        assertArrayEquals(new String[] {"&lt;s&gt;", "&lt;s&gt;", "&lt;s&gt;"}, strings);
    }

    @Test
    void escapesLargeArrayLikeEncoder() {
        String[] strings = new String[1_000];
        String[] expected = new String[strings.length];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = "<" + i + "> & '" + (char) ('a' + i % 26) + "\"";
            expected[i] = Encode.forHtml(strings[i]);
        }

        Escaper.escape(strings);

        assertArrayEquals(expected, strings);
        assertEquals(Arrays.asList(expected), Arrays.asList(strings));
    }
}
