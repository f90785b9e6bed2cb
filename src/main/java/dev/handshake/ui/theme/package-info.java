/**
 * How the editor's windows look: the style sheet and the light/dark theme, applied the same way to the
 * main window's dialogs, secondary windows and hover cards.
 */
package dev.handshake.ui.theme;
