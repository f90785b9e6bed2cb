package dev.handshake.nginx;

import java.util.Locale;

/** Where a block sits in nginx's configuration: the context its directives are read in. */
public enum ScopeKind {
    MAIN, EVENTS, HTTP, SERVER, LOCATION, IF, LIMIT_EXCEPT, UPSTREAM,
    STREAM, STREAM_SERVER, STREAM_UPSTREAM, MAIL, MAIL_SERVER,
    /** {@code map}, {@code geo}, {@code types}, {@code split_clients}...: entries, not directives. */
    TABLE,
    /** The Lua body of a {@code *_by_lua_block}. */
    LUA,
    /** A block nginx would not accept here, or a third-party one. */
    OTHER;

    private static final java.util.Set<String> TABLES = java.util.Set.of(
            "map", "geo", "types", "split_clients", "charset_map", "match");

    /** The kind of the block opened by directive {@code name} inside a block of this kind. */
    public ScopeKind child(String name) {
        if (name.endsWith("_by_lua_block")) {
            return LUA;
        }
        if (TABLES.contains(name)) {
            return TABLE;
        }
        switch (this) {
            case MAIN:
                switch (name) {
                    case "events": return EVENTS;
                    case "http": return HTTP;
                    case "stream": return STREAM;
                    case "mail": return MAIL;
                    default: return OTHER;
                }
            case HTTP:
                return name.equals("server") ? SERVER : name.equals("upstream") ? UPSTREAM : OTHER;
            case SERVER:
                return name.equals("location") ? LOCATION : name.equals("if") ? IF : OTHER;
            case LOCATION:
                switch (name) {
                    case "location": return LOCATION;
                    case "if": return IF;
                    case "limit_except": return LIMIT_EXCEPT;
                    default: return OTHER;
                }
            case STREAM:
                return name.equals("server") ? STREAM_SERVER : name.equals("upstream") ? STREAM_UPSTREAM : OTHER;
            case MAIL:
                return name.equals("server") ? MAIL_SERVER : OTHER;
            default:
                return OTHER;
        }
    }

    /** True for http-module scopes a request passes through (http, server, location, if, limit_except). */
    public boolean isHttpRequestScope() {
        return this == HTTP || this == SERVER || this == LOCATION || this == IF || this == LIMIT_EXCEPT;
    }

    /** The name used on the command line ({@code --context http}) and in messages. */
    public String label() {
        return LABELS[ordinal()];
    }

    /** Worked out once: {@link #label()} is asked for every directive of every file checked. */
    private static final String[] LABELS = java.util.Arrays.stream(values())
            .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toArray(String[]::new);

    /** Parses a {@code --context} value: main, http, server, location, stream, stream-server... */
    public static ScopeKind fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
