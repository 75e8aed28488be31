package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each {@code withX} of the server's limits changes exactly its own values and keeps every other one. */
class WebConfigTest {
    private static final WebConfig BASE = WebConfig.defaults();

    private static Map<String, Object> values(WebConfig c) throws ReflectiveOperationException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent rc : WebConfig.class.getRecordComponents()) {
            m.put(rc.getName(), rc.getAccessor().invoke(c));
        }
        return m;
    }

    private static void assertChangesOnly(WebConfig changed, Map<String, Object> expected) throws ReflectiveOperationException {
        Map<String, Object> before = values(BASE);
        Map<String, Object> after = values(changed);
        for (Map.Entry<String, Object> e : before.entrySet()) {
            Object want = expected.containsKey(e.getKey()) ? expected.get(e.getKey()) : e.getValue();
            assertThat(after.get(e.getKey())).as(e.getKey()).isEqualTo(want);
        }
        assertThat(expected.keySet()).allSatisfy(k -> assertThat(before).containsKey(k));
    }

    @Test
    void each_with_method_changes_only_its_own_values() throws ReflectiveOperationException {
        assertChangesOnly(BASE.withHost("0.0.0.0"), Map.of("host", "0.0.0.0"));
        assertChangesOnly(BASE.withPort(9123), Map.of("port", 9123));
        assertChangesOnly(BASE.withSessions(7, Duration.ofSeconds(9)), Map.of("maxSessions", 7, "sessionIdle", Duration.ofSeconds(9)));
        assertChangesOnly(BASE.withMaxBodyBytes(12345), Map.of("maxBodyBytes", 12345L));
        assertChangesOnly(BASE.withMaxHistoryValues(7900), Map.of("maxHistoryValues", 7900L));
        assertChangesOnly(BASE.withCompareLimits(17, 99L), Map.of("maxCompareIterations", 17, "maxCompareWork", 99L));
        assertChangesOnly(BASE.withRequestThreads(5), Map.of("requestThreads", 5));
        // every value differs from the default above, so a with-method that dropped a change would fail
        assertThat(values(BASE).values()).doesNotContainAnyElementsOf(Set.of("0.0.0.0", 9123, 7, 12345L, 7900L, 17, 99L, 5));
    }

    @Test
    void a_changed_value_is_checked_like_a_new_one() {
        assertThatThrownBy(() -> BASE.withPort(70_000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> BASE.withSessions(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BASE.withHost(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
