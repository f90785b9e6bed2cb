/**
 * The JavaFX desktop editor: the application, its main window, the table of actions shared by menus,
 * shortcuts and the editor's context menu, the Problems panel and the quick-fix menu and dialog. The
 * window is no hub: each part gets the narrow collaborators it needs (the current document, the owner
 * window, the status bar), and documents follow the one observable settings value.
 *
 * <p>Never holds analysis logic of its own: it calls down into lint, nginx, io and diff, and only
 * this package tree may import JavaFX or RichTextFX.
 */
package dev.handshake.ui;
