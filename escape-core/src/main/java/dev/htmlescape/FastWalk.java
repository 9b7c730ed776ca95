package dev.htmlescape;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
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
 * would not; when that code fails ({@link GraphCodeFailure}) it gives up too, and the full walk
 * meets the failure again and says where. Nothing else makes it give up: any other exception is a
 * bug of the walk and propagates.
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

    /** The nodes still to read, with their plans, the context of their text and their depth. */
    private Object[] pending = new Object[INITIAL_LENGTH];
    private ClassPlan[] pendingPlans = new ClassPlan[INITIAL_LENGTH];
    private EscapeContext[] pendingContexts = new EscapeContext[INITIAL_LENGTH];
    private int[] pendingDepths = new int[INITIAL_LENGTH];
    private int pendingCount;

    /** The writes to make once the graph was read. */
    private final PendingWrites writes = new PendingWrites();

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
        } catch (GraphCodeFailure e) {
            // nothing was written yet, so the full walk meets the failure again and names where
            return false;
        }
        if (read) {
            writes.make();
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
                    readList(node, (ClassPlan.Container) plan, context, depth);
                    break;
                case MAP:
                    readMap(node, (ClassPlan.Container) plan, context, depth);
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
            if (pendingCount == 0) {
                return true;
            }
            int last = --pendingCount;
            node = pending[last];
            plan = pendingPlans[last];
            context = pendingContexts[last];
            depth = pendingDepths[last];
            // a plan left in the array would keep its class, and its loader, alive between calls
            pending[last] = null;
            pendingPlans[last] = null;
            pendingContexts[last] = null;
        }
    }

    /** Forgets this call's graph, so the walk keeps nothing of it alive while it waits. */
    void reset() {
        if (pending.length > KEPT_LENGTH) {
            pending = new Object[INITIAL_LENGTH];
            pendingPlans = new ClassPlan[INITIAL_LENGTH];
            pendingContexts = new EscapeContext[INITIAL_LENGTH];
            pendingDepths = new int[INITIAL_LENGTH];
        } else {
            Arrays.fill(pending, 0, pendingCount, null);
            Arrays.fill(pendingPlans, 0, pendingCount, null);
            Arrays.fill(pendingContexts, 0, pendingCount, null);
        }
        pendingCount = 0;
        writes.clear();
        bean = null;
        beanFields = null;
        defaultContext = null;
    }

    /** Reads a bean's fields or a record's components. */
    private void readSlots(Object node, ClassPlan plan, int depth) {
        SlotReader reader;
        if (plan instanceof ClassPlan.Bean slots) {
            beanFields = slots.fields;
            reader = slots.reader;
        } else if (plan instanceof ClassPlan.Record slots) {
            beanFields = slots.components;
            reader = slots.reader;
        } else {
            gaveUp = true; // unreadable: the full walk says why
            return;
        }
        bean = node;
        beanDepth = depth;
        reader.read(node, this);
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
                // a record component (the full walk rebuilds the record) or a final field (it warns)
                gaveUp = true;
                return;
            }
            writes.note(bean, field, -1, escaped);
        }
    }

    private void readList(Object node, ClassPlan.Container plan, EscapeContext context, int depth) {
        if (!plan.indexedList || plan.unwalkedFields != null) {
            gaveUp = true;
            return;
        }
        List<?> list = (List<?>) node;
        // an unmodifiable list, which the full walk copies, when not settable
        boolean writable = plan.settableIndexedList;
        ClassPlan elementPlan = null;
        for (int i = 0, size = GraphCode.size(list); i < size && !gaveUp; i++) {
            elementPlan = readElement(list, i, GraphCode.get(list, i), writable, elementPlan, context, depth);
        }
    }

    private void readMap(Object node, ClassPlan.Container plan, EscapeContext context, int depth) {
        if (plan.weakKeys || plan.unwalkedFields != null) {
            gaveUp = true;
            return;
        }
        Class<?> type = node.getClass();
        // the maps whose entries take setValue without changing anything else
        boolean writable = type == HashMap.class || type == LinkedHashMap.class || type == TreeMap.class;
        boolean escapeKeys = policy.escapeMapKeys();
        ClassPlan keyPlan = null;
        ClassPlan valuePlan = null;
        for (Iterator<Map.Entry<Object, Object>> entries = GraphCode.entries((Map<?, ?>) node); GraphCode.hasNext(entries); ) {
            Map.Entry<Object, Object> entry = GraphCode.next(entries);
            Object key = GraphCode.key(entry);
            if (key instanceof String) {
                if (escapeKeys && encode((String) key, context) != key) {
                    gaveUp = true; // the full walk refills the map and reports collisions
                    return;
                }
            } else if (key != null) {
                keyPlan = planOf(key, keyPlan);
                if (keyPlan.kind != NodeKind.OPAQUE || keyPlan instanceof ClassPlan.Declined) {
                    gaveUp = true; // a key object escaped in place would hash differently
                    return;
                }
            }
            if (key instanceof String name && policy.secretNames().matches(name)) {
                continue; // the value of a credential's key stays as typed
            }
            // as readElement does, written out here so that the entry is seen to stay in this method
            // unless its value is written: the JIT then need not make the entries of a Map.of
            Object value = GraphCode.value(entry);
            if (value instanceof String text) {
                String escaped = encode(text, context);
                if (escaped != text) {
                    if (!writable) {
                        gaveUp = true; // an immutable map, say, which the full walk copies
                        return;
                    }
                    writes.note(entry, null, -1, escaped);
                }
            } else if (value != null) {
                valuePlan = planOf(value, valuePlan);
                enqueue(value, valuePlan, context, depth + 1);
                if (gaveUp) {
                    return;
                }
            }
        }
    }

    private void readArray(Object[] array, EscapeContext context, int depth) {
        boolean writable = array.getClass().getComponentType().isAssignableFrom(String.class);
        ClassPlan elementPlan = null;
        for (int i = 0; i < array.length && !gaveUp; i++) {
            elementPlan = readElement(array, i, array[i], writable, elementPlan, context, depth);
        }
    }

    /**
     * Reads an element of a list or an array at {@code index}: notes the write of its escaped text,
     * or gives up if its container is not {@code writable}; queues any other node.
     *
     * @return the plan of the last element that is a node, for the next element to reuse
     */
    private ClassPlan readElement(Object container, int index, Object element, boolean writable,
            ClassPlan elementPlan, EscapeContext context, int depth) {
        if (element instanceof String) {
            String text = (String) element;
            String escaped = encode(text, context);
            if (escaped != text) {
                if (writable) {
                    writes.note(container, null, index, escaped);
                } else {
                    gaveUp = true;
                }
            }
            return elementPlan;
        }
        if (element == null) {
            return elementPlan;
        }
        ClassPlan plan = planOf(element, elementPlan);
        enqueue(element, plan, context, depth + 1);
        return plan;
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
            // the full walk reports a declined object, with its path
            gaveUp |= plan instanceof ClassPlan.Declined;
            return;
        }
        if (depth >= maxDepth) {
            gaveUp = true;
            return;
        }
        if (pendingCount == pending.length) {
            int length = 2 * pending.length;
            pending = Arrays.copyOf(pending, length);
            pendingPlans = Arrays.copyOf(pendingPlans, length);
            pendingContexts = Arrays.copyOf(pendingContexts, length);
            pendingDepths = Arrays.copyOf(pendingDepths, length);
        }
        pending[pendingCount] = node;
        pendingPlans[pendingCount] = plan;
        pendingContexts[pendingCount] = context;
        pendingDepths[pendingCount] = depth;
        pendingCount++;
    }
}
