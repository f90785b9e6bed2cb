package dev.handshake.syntax;

import java.util.List;

/** What a parse gives: always a tree, and the syntax errors found on the way (maybe none). */
public record ParseResult(SyntaxTree tree, List<SyntaxError> errors) {

    public ParseResult {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
