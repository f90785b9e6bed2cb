package dev.handshake.nginx;

import java.util.ArrayList;
import java.util.List;

/** An {@code upstream NAME { server ...; }} group: a pool of servers reached under one name. */
public record UpstreamGroup(String name, Scope scope) {

    public Statement statement() {
        return scope.opener();
    }

    /** The {@code server} statements of the group. */
    public List<Statement> servers() {
        return scope.statements("server");
    }

    /** The host part of each server address ({@code 10.0.4.21}, {@code api-1.internal.example}). */
    public List<String> serverHosts() {
        List<String> hosts = new ArrayList<>();
        for (Statement s : servers()) {
            if (s.directive().argCount() > 0) {
                hosts.add(UpstreamTarget.hostOf(s.directive().arg(0)));
            }
        }
        return hosts;
    }
}
