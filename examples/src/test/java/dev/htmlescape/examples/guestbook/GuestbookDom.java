package dev.htmlescape.examples.guestbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The guestbook page as the browser built it: every element as its tag and attribute names,
 * split into the entries and the rest, the text of each entry, and the dialogs the page asked for.
 *
 * @param url where the browser is
 * @param dialogs what the dialog hook recorded, such as {@code alert(1)}
 * @param outside each element outside the entries, in document order, as {@code tag[attr attr]}
 * @param entries for each child of {@code #entries}, it and its descendants, as in {@code outside}
 * @param texts for each child of {@code #entries}, the text of its name and its message
 * @param handlers each element that carries an {@code on*} attribute, as {@code tag[onerror]}
 */
record GuestbookDom(String url, List<String> dialogs, List<String> outside, List<List<String>> entries,
        List<List<String>> texts, List<String> handlers) {

    private static final String READ = """
            const signature = el => el.localName + '[' + el.getAttributeNames().sort().join(' ') + ']';
            const container = document.getElementById('entries');
            const all = Array.from(document.querySelectorAll('*'));
            const inside = el => container !== null && el !== container && container.contains(el);
            const children = container === null ? [] : Array.from(container.children);
            const text = (entry, cls) => {
              const part = entry.querySelector(':scope > .' + cls);
              return part === null ? null : part.textContent;
            };
            return {
              url: location.href,
              outside: all.filter(el => !inside(el)).map(signature),
              entries: children.map(child => [child, ...child.querySelectorAll('*')].map(signature)),
              texts: children.map(child => [text(child, 'entry-name'), text(child, 'entry-message')]),
              handlers: all.flatMap(el => el.getAttributeNames()
                  .filter(name => name.toLowerCase().startsWith('on'))
                  .map(name => el.localName + '[' + name + ']'))
            };
            """;

    /** Reads the page the browser shows now. */
    @SuppressWarnings("unchecked")
    static GuestbookDom read(HeadlessChromium chromium) {
        Map<String, Object> page = (Map<String, Object>) chromium.run(READ);
        return new GuestbookDom((String) page.get("url"), chromium.dialogs(),
                (List<String>) page.get("outside"), (List<List<String>>) page.get("entries"),
                (List<List<String>>) page.get("texts"), (List<String>) page.get("handlers"));
    }

    /**
     * What this page has that {@code clean}, the same page with one harmless entry, has not: an
     * element or attribute outside the entries, an entry shaped differently from the clean one, an
     * {@code on*} attribute anywhere. Empty if the page holds only what it renders itself.
     */
    List<String> injectionsComparedWith(GuestbookDom clean) {
        List<String> shape = clean.entries().get(0);
        List<String> found = new ArrayList<>();
        List<String> extraOutside = minus(outside, clean.outside());
        List<String> missingOutside = minus(clean.outside(), outside);
        if (!extraOutside.isEmpty() || !missingOutside.isEmpty()) {
            found.add("outside the entries: added " + firstFew(extraOutside) + ", lost " + firstFew(missingOutside));
        }
        int odd = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).equals(shape) && odd++ < 10) {
                found.add("entry " + i + " is " + firstFew(entries.get(i)) + " instead of " + shape);
            }
        }
        if (odd > 10) {
            found.add("... " + (odd - 10) + " more entries not shaped like " + shape);
        }
        if (!handlers.isEmpty()) {
            found.add(handlers.size() + " on* attributes: " + firstFew(handlers));
        }
        return found;
    }

    /** Each element of {@code these} not matched by one in {@code those}, counting repeats. */
    private static List<String> minus(List<String> these, List<String> those) {
        Map<String, Integer> available = new HashMap<>();
        those.forEach(element -> available.merge(element, 1, Integer::sum));
        List<String> rest = new ArrayList<>();
        for (String element : these) {
            if (available.merge(element, -1, Integer::sum) < 0) {
                rest.add(element);
            }
        }
        return rest;
    }

    private static String firstFew(List<String> elements) {
        return elements.size() <= 12 ? elements.toString()
                : elements.subList(0, 12) + " and " + (elements.size() - 12) + " more";
    }
}
