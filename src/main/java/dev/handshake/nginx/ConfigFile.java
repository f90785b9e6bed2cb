package dev.handshake.nginx;

import dev.handshake.syntax.ParseResult;
import dev.handshake.syntax.Parser;
import dev.handshake.syntax.SyntaxTree;
import dev.handshake.text.SourceText;
import java.nio.file.Path;

/** One parsed configuration file. */
public final class ConfigFile {

    private final Path path;
    private final SourceText source;
    private final ParseResult parse;

    public ConfigFile(Path path, SourceText source) {
        this(path, source, Parser.parse(source.text()));
    }

    public ConfigFile(Path path, SourceText source, ParseResult parse) {
        this.path = path.toAbsolutePath().normalize();
        this.source = source;
        this.parse = parse;
    }

    /** Normalised absolute path. */
    public Path path() {
        return path;
    }

    public SourceText source() {
        return source;
    }

    public ParseResult parse() {
        return parse;
    }

    public SyntaxTree tree() {
        return parse.tree();
    }

    public String text() {
        return source.text();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
