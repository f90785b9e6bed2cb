package dev.handshake.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import dev.handshake.ui.theme.Themes;
import javafx.stage.Window;

/** The window's small modal questions and error messages. */
final class Alerts {

    private Alerts() {
    }

    static boolean confirm(Window owner, String header, String text) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        Themes.apply(ask, owner);
        ask.setHeaderText(header);
        return ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    static void error(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        Themes.apply(alert, owner);
        alert.setHeaderText(header);
        alert.showAndWait();
    }
}
