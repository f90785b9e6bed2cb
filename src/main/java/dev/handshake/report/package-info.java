/**
 * Renders lint results and parse trees for machines and people: JSON, SARIF 2.1.0, GitHub workflow
 * commands, Checkstyle XML, GitLab Code Quality JSON, crossplane's payload, and compiler-style
 * text, each returned as a string or written to a given stream; and {@link dev.handshake.report.RuleDocs},
 * the one reader of the rule docs for the command line, SARIF and the editor.
 *
 * <p>Never touches standard streams or the file system (rule docs are read from the class path), and
 * never decides exit codes or what to check.
 */
package dev.handshake.report;
