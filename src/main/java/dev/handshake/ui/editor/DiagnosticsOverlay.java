package dev.handshake.ui.editor;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Related;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.nginx.DirectiveSpec;
import dev.handshake.nginx.NginxEdition;
import dev.handshake.report.RuleDocs;
import dev.handshake.syntax.Directive;
import dev.handshake.text.LineIndex;
import dev.handshake.ui.theme.Themes;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * What the editor shows about findings beyond the underlines: a severity marker in the gutter of
 * each line with a finding, and a hover card with the message, the rule, why it matters (from the
 * rule's doc), the related places and a link to the rule's whole doc; for a directive name its
 * catalogue entry with its nginx.org link.
 */
final class DiagnosticsOverlay {

    private final CodeArea area;
    private final IntFunction<Node> lineNumbers;
    private static final String LINE_NUMBER_LOOKUP = "-fx-text-background-color: #8c959f;";

    private final Popup card = new Popup();
    private final EventHandler<MouseOverTextEvent> hoverBegin = this::hoverBegin;
    /** Hides the card a moment after the mouse leaves the text, unless it went onto the card (to a link). */
    private final PauseTransition hideSoon = new PauseTransition(Duration.millis(600));
    private final EventHandler<MouseOverTextEvent> hoverEnd = event -> hideSoon.playFromStart();
    private Marks marks = new Marks(Map.of(), Map.of());
    /** The gutters made so far that may still be on screen, updated in place when the marks change. */
    private final List<WeakReference<Gutter>> gutters = new ArrayList<>();
    /** One tooltip for every lightbulb (a tooltip each would make a popup window per line). */
    private final Tooltip bulbTip = new Tooltip("Quick fixes (Alt+Enter)");
    private IntConsumer onFixes = offset -> { };
    private Consumer<String> openUrl = url -> { };
    private Analysis shown;

    DiagnosticsOverlay(CodeArea area) {
        this.area = area;
        this.lineNumbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(this::gutter);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, hoverBegin);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, hoverEnd);
        card.setAutoHide(true);
        hideSoon.setOnFinished(e -> {
            if (card.getContent().isEmpty() || !card.getContent().get(0).isHover()) {
                card.hide();
            }
        });
    }

    /** Opens a web address (the nginx.org link of a directive's card): a browser, or the clipboard. */
    void onOpenUrl(Consumer<String> opener) {
        openUrl = opener;
    }

    /** Runs {@code handler} with a finding's offset when the lightbulb of its line is clicked. */
    void onFixes(IntConsumer handler) {
        onFixes = handler;
    }

    /**
     * What the gutter marks: the worst severity of each line (0-based paragraph) with a finding, and for
     * each line with a fix (other than suppressing) where its first finding starts.
     */
    record Marks(Map<Integer, Severity> worst, Map<Integer, Integer> fixable) {

        /** The marks of {@code analysis}; pure, computed off the FX thread. */
        static Marks of(Analysis analysis) {
            Map<Integer, Severity> worst = new HashMap<>();
            Map<Integer, Integer> fixable = new HashMap<>();
            LineIndex lines = analysis.lines();
            for (Diagnostic d : analysis.diagnostics()) {
                int start = Math.min(d.range().start(), analysis.text().length());
                int paragraph = lines.line(start) - 1;
                worst.merge(paragraph, d.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                if (d.fixes().stream().anyMatch(f -> !f.title().startsWith("Suppress "))) {
                    fixable.putIfAbsent(paragraph, start);
                }
            }
            return new Marks(worst, fixable);
        }
    }

    /**
     * Shows the findings of {@code analysis} in the gutter, {@code newMarks} being its marks. Gutters on
     * screen change their style classes in place; none is made again.
     */
    void show(Analysis analysis, Marks newMarks) {
        shown = analysis;
        if (newMarks.equals(marks)) {
            return;
        }
        marks = newMarks;
        gutters.removeIf(ref -> ref.get() == null);
        for (WeakReference<Gutter> ref : gutters) {
            Gutter gutter = ref.get();
            if (gutter != null) {
                gutter.mark();
            }
        }
    }

    private Node gutter(int paragraph) {
        Gutter gutter = new Gutter(paragraph);
        gutters.add(new WeakReference<>(gutter));
        return gutter.box;
    }

    /** One line's gutter: its number, a severity marker and a lightbulb when the line has fixes. */
    private final class Gutter {
        private final int paragraph;
        private final Region marker = new Region();
        private final Region bulb = new Region();
        private final HBox box;

        Gutter(int paragraph) {
            this.paragraph = paragraph;
            marker.getStyleClass().add("gutter-marker");
            bulb.getStyleClass().add("gutter-bulb");
            bulb.setOnMouseClicked(e -> {
                Integer fixAt = marks.fixable().get(paragraph);
                if (fixAt != null) {
                    onFixes.accept(fixAt);
                    e.consume();
                }
            });
            Node number = lineNumbers.apply(paragraph);
            if (number instanceof Label label) {
                // RichTextFX styles a new gutter before it joins the scene, where modena's looked-up
                // -fx-text-background-color is unknown (one warning per line). The label defines that
                // lookup itself; handshake.css (.lineno) still decides the colour it is drawn in.
                label.setStyle(LINE_NUMBER_LOOKUP);
            }
            box = new HBox(number, marker, bulb);
            box.getStyleClass().add("gutter");
            mark();
        }

        /** Shows the current marks of this line. */
        void mark() {
            Severity severity = marks.worst().get(paragraph);
            String wanted = severity == null ? null : "gutter-" + severity.label();
            if (wanted == null ? marker.getStyleClass().size() > 1 : !marker.getStyleClass().contains(wanted)) {
                marker.getStyleClass().setAll("gutter-marker");
                if (wanted != null) {
                    marker.getStyleClass().add(wanted);
                }
            }
            boolean fixable = marks.fixable().containsKey(paragraph);
            if (fixable != bulb.getStyleClass().contains("gutter-fixable")) {
                if (fixable) {
                    bulb.getStyleClass().add("gutter-fixable");
                    Tooltip.install(bulb, bulbTip);
                } else {
                    bulb.getStyleClass().remove("gutter-fixable");
                    Tooltip.uninstall(bulb, bulbTip);
                }
            }
        }
    }

    private void hoverBegin(MouseOverTextEvent event) {
        if (shown == null || shown.text().length() != area.getLength()) {
            return;
        }
        List<Diagnostic> here = shown.at(event.getCharacterIndex());
        VBox content = here.isEmpty() ? directiveCard(shown, event.getCharacterIndex(), this::openUrl)
                : cardFor(here, shown, this::openRuleDoc);
        if (content == null) {
            return;
        }
        hideSoon.stop();
        card.hide();
        content.setOnMouseExited(e -> card.hide());
        Themes.apply(content, area.getScene() == null ? null : area.getScene().getWindow());
        card.getContent().setAll(content);
        Point2D at = event.getScreenPosition();
        card.show(area, at.getX(), at.getY() + 12);
    }

    private void openUrl(String url) {
        card.hide();
        openUrl.accept(url);
    }

    private void openRuleDoc(String rule) {
        card.hide();
        RuleDocWindow.show(area.getScene() == null ? null : area.getScene().getWindow(), rule);
    }

    /** The card for the findings under the mouse; each rule's "Rule documentation" link runs {@code openDoc}. */
    static VBox cardFor(List<Diagnostic> found, Analysis analysis, Consumer<String> openDoc) {
        VBox content = new VBox(6);
        // A popup's scene has no ".root" node, so modena's looked-up colours (-fx-text-background-color)
        // would be unresolved there; the card declares itself a root to carry them.
        content.getStyleClass().addAll("root", "diagnostic-card");
        for (Diagnostic d : found) {
            Label message = new Label(d.message().replace("`", ""));
            message.getStyleClass().addAll("card-message", "card-" + d.severity().label());
            message.setWrapText(true);
            Label rule = new Label(d.severity().label() + " · " + d.rule()
                    + (d.fixes().isEmpty() ? "" : " · Alt+Enter for fixes"));
            rule.getStyleClass().add("card-rule");
            content.getChildren().addAll(message, rule);
            RuleDocs.whyItMatters(d.rule()).ifPresent(why -> {
                Label text = new Label(why);
                text.setWrapText(true);
                text.getStyleClass().add("card-why");
                content.getChildren().add(text);
            });
            for (Related related : d.related()) {
                Label place = new Label("→ " + related.file().getFileName() + ":"
                        + analysis.lineOf(related.file(), related.range().start())
                        + "  " + related.message());
                place.setWrapText(true);
                place.getStyleClass().add("card-related");
                content.getChildren().add(place);
            }
            if (RuleDocs.markdown(d.rule()).isPresent()) {
                content.getChildren().add(link("Rule documentation", () -> openDoc.accept(d.rule())));
            }
        }
        content.setMaxWidth(520);
        content.setPrefWidth(520);
        return content;
    }

    /** For the name of a directive under the mouse: its catalogue entry (syntax, default, contexts, module). */
    static VBox directiveCard(Analysis analysis, int offset, Consumer<String> openUrl) {
        Directive directive = analysis.parse().tree().directiveAt(offset);
        if (directive == null || directive.nameToken() == null || !directive.nameToken().range().contains(offset)) {
            return null;
        }
        Optional<DirectiveSpec> spec = DirectiveCatalogue.standard().find(directive.name());
        if (spec.isEmpty()) {
            return null;
        }
        DirectiveSpec.Definition definition = spec.get().definitions().get(0);
        VBox content = new VBox(4);
        content.getStyleClass().addAll("root", "diagnostic-card");
        Label name = new Label(directive.name());
        name.getStyleClass().add("card-message");
        content.getChildren().add(name);
        for (String form : definition.syntax()) {
            Label syntax = new Label(form);
            syntax.getStyleClass().add("card-syntax");
            content.getChildren().add(syntax);
        }
        String facts = (definition.defaultValue().isEmpty() ? "no default" : "default: " + definition.defaultValue())
                + " · context: " + String.join(", ", definition.contexts()) + " · module: " + definition.module()
                + origin(definition);
        Label about = new Label(facts);
        about.setWrapText(true);
        about.getStyleClass().add("card-rule");
        content.getChildren().addAll(about, link(definition.docUrl(), () -> openUrl.accept(definition.docUrl())));
        content.setMaxWidth(520);
        return content;
    }

    /** Where the directive comes from, when the catalogue says: " · NGINX Plus only", " · since nginx 1.25.1". */
    static String origin(DirectiveSpec.Definition definition) {
        if (definition.edition() == NginxEdition.PLUS) {
            return definition.since() == null ? " · NGINX Plus only"
                    : " · open-source nginx since " + definition.since() + " (NGINX Plus only before)";
        }
        return definition.since() == null ? "" : " · since nginx " + definition.since();
    }

    private static Hyperlink link(String text, Runnable action) {
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add("card-link");
        link.setOnAction(e -> action.run());
        return link;
    }

    void dispose() {
        hideSoon.stop();
        card.hide();
        area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, hoverBegin);
        area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, hoverEnd);
    }
}
