/**
 * Line diffs between two versions of a text: hunks for review (accept or revert each), unified and
 * side-by-side renderings. Pure computation over strings; never reads files or knows about nginx.
 */
package dev.handshake.diff;
