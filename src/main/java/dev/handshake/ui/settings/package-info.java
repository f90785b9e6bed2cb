/**
 * The user's settings: the record, its JSON file in the user's config directory, and the dialog that
 * edits them.
 *
 * <p>Never analyses anything itself and never fails the app over a bad settings file: a missing or
 * corrupt file means the defaults and a warning.
 */
package dev.handshake.ui.settings;
