package dev.handshake.lint;

/** One check over the nginx model. Implementations are stateless and live in {@code lint.rules}. */
public interface Rule {

    RuleMeta meta();

    /** Reports findings to {@code context}. Must not throw on any model, however broken. */
    void check(RuleContext context);
}
