package dev.htmlescape;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The walk tried first, for the graphs most requests bring: beans, records, {@code Optional}s,
 * arrays, JDK lists, and maps with text or opaque keys, as long as no record, {@code Optional},
 * immutable collection or map key needs rebuilding; map values are written in a {@code HashMap},
 * {@code LinkedHashMap} or {@code TreeMap}. It reads the whole graph before it writes anything:
 * the escaped text it makes is noted in a log, and written once every node was read. Since nothing
 * read was written yet, an object reached twice is read twice and noted twice with the same text,
 * and no index of the objects entered is needed; that index and the frames of the full walk are
 * what made a graph of small objects cost more than escaping it by hand.
 *
 * <p>When it meets what it does not handle (a record, {@code Optional} or immutable collection
 * whose own text needs escaping, a set, a map key that needs escaping, a field it cannot write, a
 * graph deeper or larger than it goes, which is also how a cycle shows), it gives up
 * before it has changed anything, and the full walk starts from the untouched graph. It reads
 * fields and containers as the full walk does, so it meets no code of the graph that the full walk
 * would not.
 *
 * <p>Not thread-safe: each walker has one.
 */
final class FastWalk implements SlotSink {

    /** Deeper than this, the full walk takes over: a request's graph is shallow, a cycle is not. */
    private static final int MAX_DEPTH = 64;
    /** Larger than this, the full walk takes over, so a graph of shared objects costs no more. */
    private static final int MAX_NODES = 100_000;
    private static final int INITIAL_LENGTH = 32;
    /** Arrays grown past this by one large graph are dropped after the call. */
    private static final int KEPT_LENGTH = 1 << 12;

    private final ClassPlans plans;
    private final Policy policy;
    private final int maxDepth;
    private final int maxNodes;
    private EscapeContext defaultContext;

    /** The nodes still to read: each with its plan, the context of its text, and its depth. */
    private final Rows pending = new Rows();
    /**
     * The writes to make once the graph was read: into a field of a bean (the target, its slot and
     * the text), or an element of a list or array or the value of a map entry (the target, no slot,
     * the text, and the index in a list or array).
     */
    private final Rows writes = new Rows();

    /** The bean or record being read, for {@link #readText} and {@link #readChild}. */
    private Object bean;
    private FieldSlot[] beanFields;
    private int beanDepth;
    private boolean gaveUp;

    FastWalk(ClassPlans plans, Policy policy) {
        this.plans = plans;
        this.policy = policy;
        this.maxDepth = Math.min(MAX_DEPTH, policy.maxDepth());
        this.maxNodes = Math.min(MAX_NODES, policy.maxNodes());
    }

    /**
     * Escapes the graph of {@code root}, in place, if this walk handles all of it.
     *
     * @return whether it did; if not, nothing was changed
     */
    boolean tryEscape(Object root, ClassPlan rootPlan, EscapeContext defaultContext) {
        this.defaultContext = defaultContext;
        gaveUp = false;
        boolean read;
        try {
            read = readAll(root, rootPlan);
        } catch (RuntimeException e) {
            // code of the graph failed (a JDK view of the application's collection, say); nothing
            // was written, so the full walk meets the failure again and names where it happened
            return false;
        }
        if (read) {
            writeEscapedTexts();
        }
        return read;
    }

    /** Reads the graph of {@code root} and notes the writes; whether it read all of it. */
    private boolean readAll(Object root, ClassPlan rootPlan) {
        int nodes = 0;
        ClassPlan plan = rootPlan;
        Object node = root;
        EscapeContext context = null;
        int depth = 0;
        while (true) {
            if (++nodes > maxNodes) {
                return false;
            }
            switch (plan.kind) {
                case OPAQUE:
                    break;
                case BEAN:
                case RECORD:
                    readSlots(node, plan, depth);
                    break;
                case OPTIONAL:
                    readOptional((Optional<?>) node, context, depth);
                    break;
                case LIST:
                    readList(node, plan, context, depth);
                    break;
                case MAP:
                    readMap(node, plan, context, depth);
                    break;
                case ARRAY:
                    readArray((Object[]) node, context, depth);
                    break;
                default:
                    return false;
            }
            if (gaveUp) {
                return false;
            }
            if (pending.count == 0) {
                return true;
            }
            int last = pending.removeLast();
            node = pending.first(last);
            plan = (ClassPlan) pending.second(last);
            context = (EscapeContext) pending.third(last);
            depth = pending.number(last);
        }
    }

    /** Forgets this call's graph, so the walk keeps nothing of it alive while it waits. */
    void reset() {
        pending.clear();
        writes.clear();
        bean = null;
        beanFields = null;
        defaultContext = null;
    }

    /** Reads a bean's fields or a record's components. */
    private void readSlots(Object node, ClassPlan plan, int depth) {
        if (plan.unreadable != null) {
            gaveUp = true;
            return;
        }
        bean = node;
        beanFields = plan.kind == NodeKind.BEAN ? plan.fields : plan.components;
        beanDepth = depth;
        plan.reader.read(node, this);
        bean = null;
        beanFields = null;
    }

    @Override
    public void readText(int slot, String text) {
        if (text != null) {
            escapeField(slot, text);
        }
    }

    @Override
    public void readChild(int slot, Object value) {
        FieldSlot field = beanFields[slot];
        if (value == null || field.excluded) {
            return;
        }
        if (value instanceof String) {
            escapeField(slot, (String) value);
        } else {
            enqueue(value, field.planOf(value, plans), field.context, beanDepth + 1);
        }
    }

    private void escapeField(int slot, String text) {
        FieldSlot field = beanFields[slot];
        String escaped = encode(text, field.context);
        if (escaped != text) {
            if (field.setter == null) {
                // a record component, which the full walk rebuilds the record for, or a final
                // field, which it fails or warns about, naming it
                gaveUp = true;
                return;
            }
            noteWrite(bean, field, -1, escaped);
        }
    }

    private void readList(Object node, ClassPlan plan, EscapeContext context, int depth) {
        if (!plan.indexedList || plan.unwalkedFields != null) {
            gaveUp = true;
            return;
        }
        List<?> list = (List<?>) node;
        ClassPlan elementPlan = null;
        for (int i = 0, size = list.size(); i < size; i++) {
            Object element = list.get(i);
            if (element instanceof String) {
                String text = (String) element;
                String escaped = encode(text, context);
                if (escaped != text) {
                    if (!plan.settableIndexedList) {
                        gaveUp = true; // an unmodifiable list, which the full walk copies
                        return;
                    }
                    noteWrite(list, null, i, escaped);
                }
            } else if (element != null) {
                elementPlan = planOf(element, elementPlan);
                enqueue(element, elementPlan, context, depth + 1);
            }
        }
    }

    private void readMap(Object node, ClassPlan plan, EscapeContext context, int depth) {
        if (plan.weakKeys || plan.unwalkedFields != null) {
            gaveUp = true;
            return;
        }
        Class<?> type = node.getClass();
        // the maps whose entries take setValue without changing anything else
        boolean writable = type == HashMap.class || type == LinkedHashMap.class || type == TreeMap.class;
        boolean escapeKeys = policy.escapeMapKeys();
        ClassPlan valuePlan = null;
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
            Object key = entry.getKey();
            if (key instanceof String) {
                if (escapeKeys && encode((String) key, context) != key) {
                    gaveUp = true; // the full walk refills the map and reports collisions
                    return;
                }
            } else if (key != null && plans.get(key.getClass()).kind != NodeKind.OPAQUE) {
                gaveUp = true; // a key object escaped in place would hash differently
                return;
            }
            Object value = entry.getValue();
            if (value instanceof String) {
                String text = (String) value;
                String escaped = encode(text, context);
                if (escaped != text) {
                    if (!writable) {
                        gaveUp = true; // an immutable map, say, which the full walk copies
                        return;
                    }
                    noteWrite(entry, null, -1, escaped);
                }
            } else if (value != null) {
                valuePlan = planOf(value, valuePlan);
                enqueue(value, valuePlan, context, depth + 1);
            }
        }
    }

    private void readArray(Object[] array, EscapeContext context, int depth) {
        Class<?> componentType = array.getClass().getComponentType();
        ClassPlan elementPlan = null;
        for (int i = 0; i < array.length; i++) {
            Object element = array[i];
            if (element instanceof String) {
                String text = (String) element;
                String escaped = encode(text, context);
                if (escaped != text) {
                    if (!componentType.isInstance(escaped)) {
                        gaveUp = true;
                        return;
                    }
                    noteWrite(array, null, i, escaped);
                }
            } else if (element != null) {
                elementPlan = planOf(element, elementPlan);
                enqueue(element, elementPlan, context, depth + 1);
            }
        }
    }

    private void readOptional(Optional<?> optional, EscapeContext context, int depth) {
        Object content = optional.orElse(null);
        if (content instanceof String) {
            if (encode((String) content, context) != content) {
                gaveUp = true; // the full walk makes a new Optional
            }
        } else if (content != null) {
            enqueue(content, plans.get(content.getClass()), context, depth + 1);
        }
    }

    private String encode(String text, EscapeContext explicit) {
        return (explicit == null ? defaultContext : explicit).encode(text);
    }

    /** The plan of {@code node}: {@code last} if it is of that class, as a container's elements mostly are. */
    private ClassPlan planOf(Object node, ClassPlan last) {
        return last != null && last.type == node.getClass() ? last : plans.get(node.getClass());
    }

    private void enqueue(Object node, ClassPlan plan, EscapeContext context, int depth) {
        if (plan.kind == NodeKind.OPAQUE) {
            return;
        }
        if (depth >= maxDepth) {
            gaveUp = true;
            return;
        }
        pending.add(node, plan, context, depth);
    }

    private void noteWrite(Object target, FieldSlot field, int index, String escaped) {
        writes.add(target, field, escaped, index);
    }

    /**
     * Makes the writes noted, in the order they were noted. A target reached twice gets the same
     * escaped text twice; one whose storage another shares (a list of an array) gets it through both.
     */
    @SuppressWarnings("unchecked")
    private void writeEscapedTexts() {
        for (int i = 0; i < writes.count; i++) {
            Object target = writes.first(i);
            FieldSlot field = (FieldSlot) writes.second(i);
            String escaped = (String) writes.third(i);
            if (field != null) {
                field.set(target, escaped);
            } else if (target instanceof Object[]) {
                ((Object[]) target)[writes.number(i)] = escaped;
            } else if (target instanceof List) {
                ((List<Object>) target).set(writes.number(i), escaped);
            } else {
                ((Map.Entry<?, Object>) target).setValue(escaped);
            }
        }
    }

    /**
     * Rows of three references and a number, in two arrays that grow together and are kept from
     * call to call, so that a walk allocates nothing once they are large enough.
     */
    private static final class Rows {

        private Object[] references = new Object[3 * INITIAL_LENGTH];
        private int[] numbers = new int[INITIAL_LENGTH];
        int count;
        /** The most rows held since the last {@link #clear()}: those hold references. */
        private int used;

        void add(Object first, Object second, Object third, int number) {
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, 2 * count);
                references = Arrays.copyOf(references, 6 * count);
            }
            int at = 3 * count;
            references[at] = first;
            references[at + 1] = second;
            references[at + 2] = third;
            numbers[count++] = number;
            used = Math.max(used, count);
        }

        /**
         * Takes the last row off and returns its index, valid until the next {@link #add}; its
         * references stay until {@link #clear()}, at the end of the call.
         */
        int removeLast() {
            return --count;
        }

        Object first(int row) {
            return references[3 * row];
        }

        Object second(int row) {
            return references[3 * row + 1];
        }

        Object third(int row) {
            return references[3 * row + 2];
        }

        int number(int row) {
            return numbers[row];
        }

        /** Drops every reference; arrays grown past {@link #KEPT_LENGTH} rows by a large graph too. */
        void clear() {
            if (numbers.length > KEPT_LENGTH) {
                references = new Object[3 * INITIAL_LENGTH];
                numbers = new int[INITIAL_LENGTH];
            } else {
                Arrays.fill(references, 0, 3 * used, null);
            }
            count = 0;
            used = 0;
        }
    }
}
