package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract point 4 for Optional: immutable, so changed content yields a new Optional. */
class OptionalsTest {

    static class Item {
        String name;

        Item(String name) {
            this.name = name;
        }
    }

    record Label(String text) {
    }

    static class Holder {
        Optional<String> text;
        Optional<Item> item;
        Optional<Label> label;
        Optional<List<String>> list;
        Optional<Optional<String>> nested;
        List<Optional<String>> listOfOptionals;
        Map<String, Optional<String>> mapOfOptionals;
        Optional<String>[] arrayOfOptionals;
    }

    @Test
    void replacesOptionalStringWithNewOptional() {
        Optional<String> original = Optional.of("<o>");
        Holder holder = new Holder();
        holder.text = original;

        Escaper.escape(holder);

        assertNotSame(original, holder.text);
        assertEquals(Optional.of("&lt;o&gt;"), holder.text);
        assertEquals(Optional.of("<o>"), original, "the original Optional is unchanged");
    }

    @Test
    void keepsEmptyOptional() {
        Optional<String> empty = Optional.empty();
        Holder holder = new Holder();
        holder.text = empty;

        Escaper.escape(holder);

        assertSame(empty, holder.text);
    }

    @Test
    void keepsOptionalWithNothingToEscape() {
        Optional<String> clean = Optional.of(new String("clean"));
        Holder holder = new Holder();
        holder.text = clean;

        Escaper.escape(holder);

        assertSame(clean, holder.text);
    }

    @Test
    void keepsNullOptionalFieldNull() {
        Holder holder = new Holder();

        Escaper.escape(holder);

        assertNull(holder.text);
    }

    @Test
    void escapesObjectInsideOptionalInPlace() {
        Item item = new Item("<i>");
        Optional<Item> optional = Optional.of(item);
        Holder holder = new Holder();
        holder.item = optional;

        Escaper.escape(holder);

        assertSame(optional, holder.item, "the content was escaped in place, nothing to rebuild");
        assertSame(item, holder.item.get());
        assertEquals("&lt;i&gt;", item.name);
    }

    @Test
    void rebuildsOptionalOfRecordAndImmutableList() {
        Holder holder = new Holder();
        holder.label = Optional.of(new Label("<l>"));
        holder.list = Optional.of(List.of("<a>", "b"));
        holder.nested = Optional.of(Optional.of("<n>"));

        Escaper.escape(holder);

        assertEquals(Optional.of(new Label("&lt;l&gt;")), holder.label);
        assertEquals(Optional.of(List.of("&lt;a&gt;", "b")), holder.list);
        assertThrows(UnsupportedOperationException.class, () -> holder.list.get().add("x"));
        assertEquals(Optional.of(Optional.of("&lt;n&gt;")), holder.nested);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void replacesOptionalsInsideContainers() {
        List<Optional<String>> list = new ArrayList<>(List.of(Optional.of("<a>"), Optional.empty()));
        Map<String, Optional<String>> map = new HashMap<>(Map.of("k", Optional.of("<v>")));
        Optional<String>[] array = new Optional[] {Optional.of("<x>"), null};
        Holder holder = new Holder();
        holder.listOfOptionals = list;
        holder.mapOfOptionals = map;
        holder.arrayOfOptionals = array;

        Escaper.escape(holder);

        assertSame(list, holder.listOfOptionals);
        assertEquals(List.of(Optional.of("&lt;a&gt;"), Optional.empty()), list);
        assertSame(map, holder.mapOfOptionals);
        assertEquals(Optional.of("&lt;v&gt;"), map.get("k"));
        assertSame(array, holder.arrayOfOptionals);
        assertEquals(Optional.of("&lt;x&gt;"), array[0]);
        assertNull(array[1]);
    }

    @Test
    void returnsNewOptionalForOptionalRoot() {
        Optional<String> root = Optional.of("a&b");

        Optional<String> result = Escaper.escape(root);

        assertEquals(Optional.of("a&amp;b"), result);
        assertEquals(Optional.of("a&b"), root);
    }
}
