/// The files that carry redirects to readers: a small HTML page at each old address (any
/// static host serves it: a refresh, a canonical link and a visible link), and, as
/// `gazette.yml` asks (`redirects: [html, netlify, nginx, apache]`), the host's own rules,
/// which answer with a real 301 and can match old addresses with a query string.
enum RedirectFormat: String, Sendable, CaseIterable {
    case html, netlify, nginx, apache
}

struct RedirectFiles: Sendable {
    static let netlifyFile = "_redirects"
    static let nginxFile = "nginx-redirects.conf"
    static let apacheFile = ".htaccess"

    let plan: RedirectPlan
    let base: BaseURL
    let language: String

    /// The HTML page that sends a reader from an old address to `to`.
    func page(to target: String) -> String {
        let url = Escape.markup(base.relative(target)), absolute = Escape.markup(base.absolute(target))
        return """
            <!DOCTYPE html>
            <html lang="\(Escape.markup(language))">
            <head>
            <meta charset="utf-8">
            <title>This page has moved</title>
            <link rel="canonical" href="\(absolute)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(url)">
            </head>
            <body>
            <p>This page has moved to <a href="\(url)">\(absolute)</a>.</p>
            </body>
            </html>

            """
    }

    /// Netlify's and Cloudflare Pages' `_redirects`: `/old /new 301`, a query matched as
    /// `key=value` pairs after the path.
    func netlify() -> String {
        var out = "# Made by gazette build from redirects.yml and aliases.\n"
        for r in plan.redirects {
            let query = r.from.query.map { " " + $0.split(separator: "&").joined(separator: " ") } ?? ""
            out += "\(base.path.dropLast())\(r.from.path)\(query) \(base.relative(r.to)) 301\n"
        }
        return out
    }

    /// An nginx `map` of whole request URIs (path and query) to new addresses, to include in
    /// the `http` block; the server block then says `if ($gazette_redirect) { return 301 $gazette_redirect; }`.
    func nginx() -> String {
        var out = "# Made by gazette build. Include in the http block; see the README's nginx configuration.\n"
        out += "map $request_uri $gazette_redirect {\n    default \"\";\n"
        for r in plan.redirects {
            out += "    \(nginxQuoted(String(base.path.dropLast()) + r.from.text)) \(nginxQuoted(base.relative(r.to)));\n"
        }
        return out + "}\n"
    }

    private func nginxQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Apache's `.htaccess`: a rewrite rule per redirect, a condition on the query where
    /// there is one (the `?` at the end of the target drops the old query).
    func apache() -> String {
        // Inherit: the server's own rules for this folder (the precompressed copies) still apply.
        var out = "# Made by gazette build from redirects.yml and aliases.\nRewriteEngine On\nRewriteOptions Inherit\n"
        for r in plan.redirects {
            let pattern = "^" + Self.regexEscaped(String(r.from.path.dropFirst())) + "$"
            if let query = r.from.query {
                out += "RewriteCond %{QUERY_STRING} ^\(Self.regexEscaped(query))$\n"
            }
            out += "RewriteRule \(pattern) \(base.relative(r.to))? [R=301,L]\n"
        }
        return out
    }

    /// Every file to write, with its signature (a hash of its text).
    func files(formats: Set<RedirectFormat>) -> [(path: String, text: String, signature: UInt64)] {
        guard !plan.redirects.isEmpty else { return [] }
        var out: [(String, String)] = []
        if formats.contains(.html) {
            var seen = Set<String>()
            for r in plan.redirects {
                guard let file = r.from.pageFile, seen.insert(file).inserted else { continue }
                out.append((file, page(to: r.to)))
            }
        }
        if formats.contains(.netlify) { out.append((Self.netlifyFile, netlify())) }
        if formats.contains(.nginx) { out.append((Self.nginxFile, nginx())) }
        if formats.contains(.apache) { out.append((Self.apacheFile, apache())) }
        return out.map { ($0.0, $0.1, StableHash.of($0.1)) }
    }

    static func regexEscaped(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\.^$|?*+()[]{} ".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
