/**
 * How the editor's windows look: the style sheet and the {@link dev.handshake.ui.theme.Theme} (light or
 * dark), applied the same way ({@code Themes.apply}) to every dialog, secondary window and hover card.
 */
package dev.handshake.ui.theme;
