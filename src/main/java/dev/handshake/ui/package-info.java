/**
 * The JavaFX desktop editor: the application, its main window, the actions shared by menus and
 * shortcuts, the Problems panel and the quick-fix menu and dialog.
 *
 * <p>Never holds analysis logic of its own: it calls down into lint, nginx, io and diff, and only
 * this package tree may import JavaFX or RichTextFX.
 */
package dev.handshake.ui;
