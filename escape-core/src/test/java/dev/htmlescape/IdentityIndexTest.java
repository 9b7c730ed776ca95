package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityIndexTest {

    /** Sizes around the switch from scanning to hashing, and past the largest table kept. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, IdentityIndex.SCANNED_KEYS - 1, IdentityIndex.SCANNED_KEYS,
            IdentityIndex.SCANNED_KEYS + 1, 1_000, 20_000})
    void findsEveryKeyByIdentityAndNothingElseAcrossClears(int count) {
        IdentityIndex index = new IdentityIndex();
        for (int round = 0; round < 3; round++) {
            List<Object> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // equal but distinct Strings: only identity may match
                Object key = new String("key");
                keys.add(key);
                assertEquals(-1, index.indexOf(key), "absent before it is added");
                assertEquals(i, index.add(key), "numbered densely in the order added");
            }

            assertEquals(count, index.size());
            for (int i = 0; i < count; i++) {
                assertEquals(i, index.indexOf(keys.get(i)));
            }
            assertEquals(-1, index.indexOf(new String("key")));

            index.clear();
            assertEquals(0, index.size());
            for (Object key : keys) {
                assertEquals(-1, index.indexOf(key), "forgotten after clear");
            }
        }
    }
}
