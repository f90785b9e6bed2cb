package dev.handshake.nginx;

import dev.handshake.text.EditDistance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The directives nginx's documentation knows, loaded once from {@code /catalogue/directives.tsv}
 * (generated from {@code @nginx/reference-lib}, see {@code src/tools/catalogue}) and a few hand-kept
 * rows for what the docs leave out ({@code /catalogue/supplement.tsv}), plus third-party names
 * (well-known families and those the user declares), whose contexts are unknown.
 */
public final class DirectiveCatalogue {

    static final String RESOURCE = "/catalogue/directives.tsv";
    /** Hand-kept rows for what the docs leave out: undocumented directives and contexts. */
    static final String SUPPLEMENT = "/catalogue/supplement.tsv";
    /** Hand-kept names and {@code prefix*} / {@code *suffix} families of widely used third-party modules. */
    static final String THIRD_PARTY = "/catalogue/third-party.txt";
    /** Hand-kept edition and version history of parameters ({@code server ... resolve}). */
    static final String PARAMETERS = "/catalogue/parameters.tsv";
    private static final int COLUMNS = 9;
    private static final int MAX_SUGGESTIONS = 3;

    private final Map<String, DirectiveSpec> specs;
    /**
     * {@link #specs} hashed for lookups: the rules look up every directive of a config (a sorted map
     * compared the name a dozen times per lookup: a JFR profile of 1,000,000 directives had 10% of its
     * samples in those string comparisons).
     */
    private final Map<String, DirectiveSpec> byName;
    private final Set<String> extraNames;
    private final List<String> thirdPartyFamilies;
    private final Map<String, List<ParameterHistory>> parameters;

    private DirectiveCatalogue(Map<String, DirectiveSpec> specs, Set<String> extraNames, List<String> thirdPartyFamilies,
                               Map<String, List<ParameterHistory>> parameters) {
        this(specs, Collections.unmodifiableMap(new java.util.HashMap<>(specs)), extraNames, thirdPartyFamilies, parameters);
    }

    private DirectiveCatalogue(Map<String, DirectiveSpec> specs, Map<String, DirectiveSpec> byName, Set<String> extraNames,
                               List<String> thirdPartyFamilies, Map<String, List<ParameterHistory>> parameters) {
        this.specs = specs;
        this.byName = byName;
        this.extraNames = Collections.unmodifiableSet(new TreeSet<>(extraNames));
        this.thirdPartyFamilies = List.copyOf(thirdPartyFamilies);
        this.parameters = parameters;
    }

    /**
     * Where one parameter of one module's directive came from, with the meaning of
     * {@link DirectiveSpec.Definition#edition()} and {@link DirectiveSpec.Definition#since()}.
     *
     * @param directive the directive ({@code server})
     * @param module    the module whose form has the parameter ({@code ngx_http_upstream_module})
     * @param parameter the parameter as written, before any {@code =} ({@code resolve})
     * @param edition   open-source nginx, or NGINX Plus (only, or until {@code since})
     * @param since     the version it appeared in; {@code null} when not known
     * @param docUrl    where nginx.org documents it
     */
    public record ParameterHistory(String directive, String module, String parameter, NginxEdition edition,
                                   NginxVersion since, String docUrl) {
    }

    /** Lazily loaded, shared standard catalogue. */
    private static final class Standard {
        static final DirectiveCatalogue INSTANCE = load();
    }

    /**
     * The official nginx directives (NGINX Plus ones included, as the docs include them), plus the
     * well-known third-party names of {@value #THIRD_PARTY}.
     */
    public static DirectiveCatalogue standard() {
        return Standard.INSTANCE;
    }

    private static DirectiveCatalogue load() {
        List<String> rows = new ArrayList<>(resourceLines(RESOURCE));
        rows.addAll(resourceLines(SUPPLEMENT));
        List<String> names = new ArrayList<>();
        List<String> families = new ArrayList<>();
        for (String line : resourceLines(THIRD_PARTY)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                (entry.contains("*") ? families : names).add(entry);
            }
        }
        DirectiveCatalogue documented = parse(rows);
        return new DirectiveCatalogue(documented.specs, documented.byName, Set.copyOf(names), families,
                parseParameters(resourceLines(PARAMETERS)));
    }

    static Map<String, List<ParameterHistory>> parseParameters(List<String> lines) {
        Map<String, List<ParameterHistory>> byDirective = new TreeMap<>();
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("directive\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 6) {
                throw new IllegalStateException("parameter row needs 6 cells: " + line);
            }
            byDirective.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(new ParameterHistory(cells[0], cells[1],
                    cells[2], edition(cells[3], line), version(cells[4], line), cells[5]));
        }
        byDirective.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(byDirective);
    }

    private static NginxEdition edition(String cell, String line) {
        return NginxEdition.of(cell).orElseThrow(() -> new IllegalStateException("edition must be oss or plus: " + line));
    }

    private static NginxVersion version(String cell, String line) {
        if (cell.isEmpty()) {
            return null;
        }
        return NginxVersion.parse(cell).orElseThrow(() -> new IllegalStateException("since must be X.Y.Z: " + line));
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = DirectiveCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("directive catalogue " + resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses catalogue rows: {@code #} comments and header rows (first cell {@code name}) are skipped,
     * every other row is one directive as one module defines it. A row naming the same directive and
     * module as an earlier one amends it (the hand-kept supplement does): its contexts are added, and
     * its edition and since, when not empty, replace the earlier ones.
     */
    static DirectiveCatalogue parse(List<String> lines) {
        Map<String, List<DirectiveSpec.Definition>> byName = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("name\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != COLUMNS) {
                throw new IllegalStateException("catalogue row needs " + COLUMNS + " cells: " + line);
            }
            List<DirectiveSpec.Definition> definitions = byName.computeIfAbsent(cells[0], k -> new ArrayList<>());
            int earlier = indexOfModule(definitions, cells[1]);
            if (earlier >= 0) {
                definitions.set(earlier, amend(definitions.get(earlier), cells, line));
                continue;
            }
            Set<String> contexts = new LinkedHashSet<>(Arrays.asList(cells[2].split(",")));
            List<String> syntax = Arrays.asList(cells[3].split(" \\|\\| "));
            if (cells[2].isEmpty() || cells[3].isEmpty()) {
                throw new IllegalStateException("catalogue row without contexts or syntax amends nothing: " + line);
            }
            definitions.add(new DirectiveSpec.Definition(cells[1], contexts, syntax, cells[4], cells[5].equals("yes"),
                    cells[6], cells[7].isEmpty() ? NginxEdition.OSS : edition(cells[7], line), version(cells[8], line)));
        }
        Map<String, DirectiveSpec> specs = new TreeMap<>();
        byName.forEach((name, definitions) -> specs.put(name, new DirectiveSpec(name, definitions)));
        return new DirectiveCatalogue(Collections.unmodifiableMap(specs), Set.of(), List.of(), Map.of());
    }

    private static int indexOfModule(List<DirectiveSpec.Definition> definitions, String module) {
        for (int i = 0; i < definitions.size(); i++) {
            if (definitions.get(i).module().equals(module)) {
                return i;
            }
        }
        return -1;
    }

    private static DirectiveSpec.Definition amend(DirectiveSpec.Definition earlier, String[] cells, String line) {
        Set<String> contexts = new LinkedHashSet<>(earlier.contexts());
        if (!cells[2].isEmpty()) {
            contexts.addAll(Arrays.asList(cells[2].split(",")));
        }
        NginxEdition edition = cells[7].isEmpty() ? earlier.edition() : edition(cells[7], line);
        NginxVersion since = cells[8].isEmpty() ? earlier.since() : version(cells[8], line);
        return new DirectiveSpec.Definition(earlier.module(), contexts, earlier.syntax(), earlier.defaultValue(),
                earlier.block(), earlier.docUrl(), edition, since);
    }

    /** This catalogue, also knowing {@code names} (third-party directives, allowed anywhere). */
    public DirectiveCatalogue withExtraNames(Set<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        Set<String> all = new TreeSet<>(extraNames);
        all.addAll(names);
        return new DirectiveCatalogue(specs, byName, all, thirdPartyFamilies, parameters);
    }

    /** The hand-kept edition and version history of {@code directive}'s parameters. */
    public List<ParameterHistory> parameterHistory(String directive) {
        return parameters.getOrDefault(directive, List.of());
    }

    /** True for a name of a well-known third-party family ({@code content_by_lua_block}, {@code passenger_*}). */
    public boolean isThirdParty(String name) {
        for (String family : thirdPartyFamilies) {
            boolean matches = family.startsWith("*") ? name.endsWith(family.substring(1))
                    : family.endsWith("*") ? name.startsWith(family.substring(0, family.length() - 1))
                    : name.equals(family);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** The extra (third-party) names this catalogue accepts. */
    public Set<String> extraNames() {
        return extraNames;
    }

    public Optional<DirectiveSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** True for a documented directive, an extra name, or a name of a well-known third-party family. */
    public boolean isKnown(String name) {
        return byName.containsKey(name) || extraNames.contains(name) || isThirdParty(name);
    }

    /**
     * True when nginx accepts {@code name} in a block of {@code kind}. Extra names are accepted
     * anywhere (their contexts are unknown); names the catalogue does not know are not.
     */
    public boolean allowedIn(String name, ScopeKind kind) {
        DirectiveSpec spec = byName.get(name);
        if (spec == null) {
            return extraNames.contains(name) || isThirdParty(name);
        }
        return spec.allowedIn(kind);
    }

    /** Every documented directive, by name. */
    public Collection<DirectiveSpec> all() {
        return specs.values();
    }

    /**
     * Known names close to {@code name} (edit distance, a transposition counting once), closest first,
     * at most three. Empty when nothing is close enough to be a likely typo.
     */
    public List<String> suggestions(String name) {
        return ranked(name).stream().map(Suggestion::name).limit(MAX_SUGGESTIONS).toList();
    }

    /** The single closest known name, when no other name is as close. */
    public Optional<Suggestion> clearSuggestion(String name) {
        List<Suggestion> ranked = ranked(name);
        if (ranked.isEmpty() || (ranked.size() > 1 && ranked.get(1).distance() == ranked.get(0).distance())) {
            return Optional.empty();
        }
        return Optional.of(ranked.get(0));
    }

    /** A known name and its edit distance from the name asked about. */
    public record Suggestion(String name, int distance) {
    }

    private List<Suggestion> ranked(String name) {
        int limit = name.length() <= 4 ? 1 : name.length() <= 10 ? 2 : 3;
        List<Suggestion> close = new ArrayList<>();
        for (String known : allNames()) {
            if (known.equals(name)) {
                continue;
            }
            int distance = EditDistance.atMost(name, known, limit);
            if (distance <= limit) {
                close.add(new Suggestion(known, distance));
            }
        }
        close.sort(Comparator.comparingInt(Suggestion::distance).thenComparing(Suggestion::name));
        return close;
    }

    private Iterable<String> allNames() {
        if (extraNames.isEmpty()) {
            return specs.keySet();
        }
        Set<String> all = new TreeSet<>(specs.keySet());
        all.addAll(extraNames);
        return all;
    }
}
