package dev.handshake.lint.rules.directives;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.nginx.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements whose names the directive catalogue can judge: those in blocks nginx reads as
 * directives. Entries of free-form bodies ({@code map}, {@code geo}, {@code types},
 * {@code split_clients}, {@code match}, {@code charset_map}: {@link ScopeKind#TABLE}), Lua code
 * ({@link ScopeKind#LUA}) and the insides of blocks that are misplaced or third-party
 * ({@link ScopeKind#OTHER}) are left out.
 */
final class CheckedDirectives {

    private CheckedDirectives() {
    }

    static List<Statement> of(ConfigModel model) {
        List<Statement> found = new ArrayList<>();
        model.walkScopes(scope -> {
            ScopeKind kind = scope.kind();
            if (kind != ScopeKind.TABLE && kind != ScopeKind.LUA && kind != ScopeKind.OTHER) {
                for (Statement s : scope.statements()) {
                    if (!s.name().isEmpty()) {
                        found.add(s);
                    }
                }
            }
        });
        return found;
    }
}
