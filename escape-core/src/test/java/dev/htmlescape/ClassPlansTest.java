package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-class plan: computed once, and holding only the slots worth reading on every call. */
class ClassPlansTest {

    static class Base {
        private String inherited;
    }

    static class Dto extends Base {
        static String constant = "<static>";
        int count;
        LocalDate day;
        Integer[] boxes;
        int[] numbers;
        List<String> tags;
        String name;
        Object anything;
    }

    private final ClassPlans plans = new ClassPlans(new Policy(EscapeContext.HTML, true, false, 10, 10, List.of(), true, true, List.of(), SecretNames.DEFAULT));

    @Test
    void computesEachPlanOnce() {
        ClassPlan first = plans.get(Dto.class);

        assertSame(first, plans.get(Dto.class));
    }

    @Test
    void keepsOnlyFieldsThatMayHoldTextWithStringsFirst() {
        ClassPlan plan = plans.get(Dto.class);

        String[] names = Arrays.stream(((ClassPlan.Bean) plan).fields).map(slot -> slot.name).toArray(String[]::new);
        assertArrayEquals(new String[] {"name", "inherited", "tags", "anything"}, names);
        assertEquals(NodeKind.BEAN, plan.kind);
        assertInstanceOf(ClassPlan.Bean.class, plan);
    }
}
