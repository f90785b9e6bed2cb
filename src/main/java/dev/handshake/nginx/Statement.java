package dev.handshake.nginx;

import dev.handshake.syntax.Directive;
import dev.handshake.text.TextRange;
import java.nio.file.Path;

/**
 * A directive as nginx sees it in a scope: the same directive of an included file appears once per
 * place it is included from.
 */
public record Statement(Directive directive, ConfigFile file, Scope scope) {

    public String name() {
        return directive.name();
    }

    public Path path() {
        return file.path();
    }

    public TextRange range() {
        return directive.range();
    }

    /** Where the statement is written; the same for every place its file is spliced in. */
    public Place place() {
        return new Place(path(), range().start());
    }

    @Override
    public String toString() {
        return directive + " @" + file.path().getFileName();
    }
}
