package dev.handshake.lint;

import dev.handshake.nginx.Place;
import dev.handshake.nginx.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A written directive and what it decides a setting for: the one way rules report a problem once, on
 * the directive that causes it, wherever it is inherited (or spliced in), with everything it affects
 * as related places.
 *
 * @param statement the written directive (the first statement met at its {@link Place})
 * @param affected  what it decides, in the order met
 * @param <T>       what is affected: connections, or the facts of connections
 */
public record WrittenCause<T>(Statement statement, List<T> affected) {

    public WrittenCause {
        affected = List.copyOf(affected);
    }

    /**
     * {@code items} grouped by the written statement {@code cause} blames for each (items it finds none
     * for are not affected), causes in the order first met. Within a cause, items with an equal
     * {@code sameItem} key are kept once.
     */
    public static <T> List<WrittenCause<T>> group(Iterable<T> items, Function<T, Optional<Statement>> cause,
                                                Function<T, ?> sameItem) {
        Map<Place, Statement> first = new LinkedHashMap<>();
        Map<Place, List<T>> affected = new LinkedHashMap<>();
        Map<Place, Set<Object>> seen = new LinkedHashMap<>();
        for (T item : items) {
            Optional<Statement> blamed = cause.apply(item);
            if (blamed.isEmpty()) {
                continue;
            }
            Place at = blamed.get().place();
            first.putIfAbsent(at, blamed.get());
            if (seen.computeIfAbsent(at, k -> new HashSet<>()).add(sameItem.apply(item))) {
                affected.computeIfAbsent(at, k -> new ArrayList<>()).add(item);
            }
        }
        List<WrittenCause<T>> all = new ArrayList<>();
        for (Map.Entry<Place, Statement> e : first.entrySet()) {
            all.add(new WrittenCause<>(e.getValue(), affected.get(e.getKey())));
        }
        return all;
    }
}
