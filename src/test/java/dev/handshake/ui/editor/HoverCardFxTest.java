package dev.handshake.ui.editor;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Linter;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** What the hover cards say: a finding's message, rule, why it matters; a directive's catalogue entry. */
@ExtendWith(ApplicationExtension.class)
class HoverCardFxTest {

    private static final String CONFIG = "http {\n    server {\n        location / {\n"
            + "            proxy_pass https://10.0.4.22:443;\n        }\n    }\n}\n";

    private static String text(VBox card) {
        return card.getChildren().stream().map(n -> ((Labeled) n).getText()).collect(Collectors.joining("\n"));
    }

    @Test
    void findingCard() {
        Analysis analysis = Analysis.run(1, Path.of("card.conf").toAbsolutePath(), SourceText.of(CONFIG),
                Linter.standard(), true);
        List<Diagnostic> here = analysis.at(CONFIG.indexOf("10.0.4.22"));
        assertTrue(here.stream().anyMatch(d -> d.rule().equals("upstream-sni-off")), here.toString());
        String card = text(DiagnosticsOverlay.cardFor(here, analysis, rule -> { }));
        assertTrue(card.contains("no SNI is sent"), card);
        assertTrue(card.contains("upstream-sni-off · Alt+Enter for fixes"), card);
        assertTrue(card.contains("ClientHello"), "first paragraph of the rule doc: " + card);
    }

    @Test
    void directiveCard() {
        Analysis analysis = Analysis.run(1, Path.of("card.conf").toAbsolutePath(), SourceText.of(CONFIG),
                Linter.standard(), false);
        VBox card = DiagnosticsOverlay.directiveCard(analysis, CONFIG.indexOf("proxy_pass") + 2, url -> { });
        assertNotNull(card);
        String text = text(card);
        assertTrue(text.contains("proxy_pass URL;"), text);
        assertTrue(text.contains("module: ngx_http_proxy_module"), text);
        assertTrue(text.contains("nginx.org"), text);
        assertNull(DiagnosticsOverlay.directiveCard(analysis, CONFIG.indexOf("10.0.4.22"), url -> { }), "only on the name");
    }

    @Test
    void directiveCardSaysWhereTheDirectiveComesFrom() {
        String config = "http {\n    upstream u {\n        server 10.0.0.1;\n        ntlm;\n        sticky cookie s;\n"
                + "    }\n    server {\n        http2 on;\n    }\n}\n";
        Analysis analysis = Analysis.run(1, Path.of("card.conf").toAbsolutePath(), SourceText.of(config),
                Linter.standard(), false);
        assertTrue(text(DiagnosticsOverlay.directiveCard(analysis, config.indexOf("ntlm") + 1, url -> { }))
                .contains("module: ngx_http_upstream_module · NGINX Plus only"));
        assertTrue(text(DiagnosticsOverlay.directiveCard(analysis, config.indexOf("sticky") + 1, url -> { }))
                .contains(" · open-source nginx since 1.29.6 (NGINX Plus only before)"));
        assertTrue(text(DiagnosticsOverlay.directiveCard(analysis, config.indexOf("http2") + 1, url -> { }))
                .endsWith("module: ngx_http_v2_module · since nginx 1.25.1\n" + "https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2"));
    }

    @Test
    void theDarkCardIsDarkToItsEdges() throws Exception {
        Analysis analysis = Analysis.run(1, Path.of("card.conf").toAbsolutePath(), SourceText.of(CONFIG),
                Linter.standard(), true);
        List<Diagnostic> here = analysis.at(CONFIG.indexOf("10.0.4.22"));
        for (boolean dark : new boolean[] {false, true}) {
            VBox card = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                VBox shown = DiagnosticsOverlay.cardFor(here, analysis, rule -> { });
                javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane();
                if (dark) {
                    root.getStyleClass().add(dev.handshake.ui.theme.Themes.DARK);
                }
                javafx.stage.Stage owner = new javafx.stage.Stage();
                owner.setScene(new javafx.scene.Scene(root));
                dev.handshake.ui.theme.Themes.apply(shown, owner);
                new javafx.scene.Scene(shown);
                shown.applyCss();
                return shown;
            }).get(10, java.util.concurrent.TimeUnit.SECONDS);
            javafx.scene.paint.Color background = (javafx.scene.paint.Color) card.getBackground().getFills().get(0).getFill();
            if (dark) {
                assertTrue(background.getBrightness() < 0.3, "dark card background: " + background);
                assertNull(card.getEffect(), "no shadow: without compositing its area is drawn opaque around the card");
            } else {
                assertNotNull(card.getEffect(), "the light card keeps its shadow");
            }
        }
    }
}
