package dev.tinyj.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.run.InputException;
import dev.tinyj.emulator.run.JsonReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product's JSON reader (used for {@code --baseline}): values, and errors with line and column. */
class JsonReaderTest {
    @Test
    void readsEveryKindOfValue() throws Exception {
        Object v = JsonReader.parse(" {\"a\": [1, -2.5, 3e2, true, false, null], \"s\": \"x\\\"\\u00b5\\n\", \"o\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(Arrays.asList(1L, -2.5, 300.0, true, false, null), m.get("a"));
        assertEquals("x\"\u00b5\n", m.get("s"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals(List.of("a", "s", "o"), List.copyOf(m.keySet()), "keys keep their order");
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("", "{", "{\"a\": 1,}", "[1 2]", "{\"a\": 01}", "{\"a\": 1} x", "{a: 1}", "'s'",
                "{\"a\": 1, \"a\": 2}", "[1.]", "\"\\q\"", "nul")) {
            InputException e = assertThrows(InputException.class, () -> JsonReader.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("not valid JSON at line "), e.getMessage());
        }
        InputException e = assertThrows(InputException.class, () -> JsonReader.parse("{\n  \"a\": tru\n}"));
        assertTrue(e.getMessage().startsWith("not valid JSON at line 2, column 8"), e.getMessage());
    }
}
