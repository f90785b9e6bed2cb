/**
 * The user's editor settings (rules and severities, default CA, review before save, theme, font
 * size), persisted as JSON in the user's configuration directory, and the dialog that edits them.
 *
 * <p>Never touches a config file being edited and never fails the editor: an unreadable settings
 * file falls back to the defaults.
 */
package dev.handshake.ui.settings;
