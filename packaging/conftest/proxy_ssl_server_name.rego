# Denies an HTTPS proxy_pass that sends no SNI, over `handshake parse --format crossplane` output:
#
#   handshake parse --format crossplane nginx.conf > nginx.json
#   conftest test --policy packaging/conftest nginx.json
#   opa eval --format pretty -d packaging/conftest/proxy_ssl_server_name.rego -i nginx.json data.main.deny
#
# nginx sends no SNI to an HTTPS upstream unless proxy_ssl_server_name is on, and the nearest
# enclosing block that sets it decides (a location inherits from its server and http). This policy
# follows the blocks of one file and the files an include in those blocks brings in; Handshake's own
# upstream-sni-off rule also follows a location kept in an included file up to the blocks that
# include it, and stream proxies (proxy_ssl on).
#
# Reads: input.config[].file, input.config[].parsed, and per statement directive, args, line, block,
# includes (indexes into input.config). PolicyRecipeTest keeps this list true.
package main

import rego.v1

deny contains msg if {
	some path, stmt
	walk(input.config, [path, stmt])
	stmt.directive == "proxy_pass"
	startswith(stmt.args[0], "https://")
	not sni_on(path)
	msg := sprintf("%s:%d: proxy_pass %s sends no SNI: add proxy_ssl_server_name on", [
		input.config[path[0]].file, stmt.line, stmt.args[0],
	])
}

# The statement at path sits in the arrays at the prefixes of path that end in "parsed" or "block";
# the innermost one that sets proxy_ssl_server_name decides.
sni_on(path) if {
	deciding := [n |
		some n in numbers.range(2, count(path) - 1)
		path[n - 1] in {"parsed", "block"}
		count(settings(block_at(array.slice(path, 0, n)))) > 0
	]
	count(deciding) > 0
	settings(block_at(array.slice(path, 0, max(deciding)))) == {"on"}
}

block_at(prefix) := statements if walk(input.config, [prefix, statements])

# The proxy_ssl_server_name values a block sets, itself or through its includes.
settings(statements) := {s.args[0] |
	some s in with_includes(statements)
	s.directive == "proxy_ssl_server_name"
}

with_includes(statements) := array.concat(statements, [s |
	some d in statements
	d.directive == "include"
	some i in d.includes
	some s in input.config[i].parsed
])
