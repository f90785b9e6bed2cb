package dev.handshake.ui.editor;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Related;
import dev.handshake.lint.Severity;
import dev.handshake.text.LineIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * What the editor shows about findings beyond the underlines: a severity marker in the gutter of
 * each line with a finding, and a hover card with the message, the rule, why it matters (from the
 * rule's doc) and the related places.
 */
final class DiagnosticsOverlay {

    private final CodeArea area;
    private final IntFunction<Node> lineNumbers;
    private final Popup card = new Popup();
    private final EventHandler<MouseOverTextEvent> hoverBegin = this::hoverBegin;
    private final EventHandler<MouseOverTextEvent> hoverEnd = event -> card.hide();
    private Map<Integer, Severity> worstByParagraph = Map.of();
    private Analysis shown;

    DiagnosticsOverlay(CodeArea area) {
        this.area = area;
        this.lineNumbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(this::gutter);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, hoverBegin);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, hoverEnd);
        card.setAutoHide(true);
    }

    /** Shows the findings of {@code analysis} in the gutter. */
    void show(Analysis analysis) {
        shown = analysis;
        Map<Integer, Severity> worst = new HashMap<>();
        LineIndex lines = new LineIndex(analysis.text());
        for (Diagnostic d : analysis.diagnostics()) {
            int paragraph = lines.line(Math.min(d.range().start(), analysis.text().length())) - 1;
            worst.merge(paragraph, d.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        if (!worst.equals(worstByParagraph)) {
            worstByParagraph = worst;
            area.setParagraphGraphicFactory(this::gutter);
        }
    }

    private Node gutter(int paragraph) {
        Region marker = new Region();
        marker.getStyleClass().add("gutter-marker");
        Severity severity = worstByParagraph.get(paragraph);
        if (severity != null) {
            marker.getStyleClass().add("gutter-" + severity.label());
        }
        HBox box = new HBox(lineNumbers.apply(paragraph), marker);
        box.getStyleClass().add("gutter");
        return box;
    }

    private void hoverBegin(MouseOverTextEvent event) {
        if (shown == null || shown.text().length() != area.getLength()) {
            return;
        }
        List<Diagnostic> here = shown.at(event.getCharacterIndex());
        if (here.isEmpty()) {
            return;
        }
        card.getContent().setAll(cardFor(here, shown));
        Point2D at = event.getScreenPosition();
        card.show(area, at.getX(), at.getY() + 12);
    }

    static VBox cardFor(List<Diagnostic> found, Analysis analysis) {
        VBox content = new VBox(6);
        content.getStyleClass().add("diagnostic-card");
        for (Diagnostic d : found) {
            Label message = new Label(d.message());
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
        }
        content.setMaxWidth(520);
        content.setPrefWidth(520);
        return content;
    }

    void dispose() {
        card.hide();
        area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, hoverBegin);
        area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, hoverEnd);
    }
}
