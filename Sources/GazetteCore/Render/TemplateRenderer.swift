import Foundation
import Mustache

/// Renders compiled templates (see `TemplatePlan`) with the values pages are made of.
///
/// A value is told by its exact type first: `String`, `Bool`, `Int`, `[String: Any]`,
/// `[String: String]`, lists of those, and Gazette's `ArticleEntry` and `TermLink`; that costs
/// a comparison of type identities. Anything else goes the way swift-mustache takes it (its
/// protocols `MustacheParent`, `MustacheSequence`, `MustacheCustomRenderable`,
/// `MustacheCustomRepresentation`, then a `Mirror`), so both give the same bytes.
struct TemplateRenderer: Sendable {
    let templates: [String: [TemplateNode]]

    func render(_ value: Any, template: String) -> String? {
        guard let nodes = templates[template] else { return nil }
        return render(nodes, Scope(stack: [value]))
    }

    /// The context stack, the indentation of the partial being rendered, and the blocks the
    /// templates that inherit from it override (the outermost definition wins).
    struct Scope {
        var stack: [Any]
        var indentation: String?
        var overrides: [String: [TemplateNode]]?

        func pushing(_ value: Any) -> Scope {
            var s = self
            s.stack.append(value)
            return s
        }

        func entering(indentation more: String?, overrides more2: [String: [TemplateNode]]? = nil, keepOverrides: Bool) -> Scope {
            var s = self
            if let more { s.indentation = (indentation ?? "") + more }
            if !keepOverrides, let more2 {
                s.overrides = overrides.map { $0.merging(more2) { outer, _ in outer } } ?? more2
            }
            return s
        }
    }

    /// One template's (or section's) nodes. An indented partial puts its indentation at the
    /// start of each line that a node begins; lines are counted within this call only, as
    /// swift-mustache counts them.
    private func render(_ nodes: [TemplateNode], _ scope: Scope) -> String {
        var out = ""
        if let indentation = scope.indentation, indentation != "" {
            for node in nodes {
                var piece = ""
                render(node, scope, into: &piece)
                if !piece.isEmpty, out.last == "\n" { out += indentation }
                out += piece
            }
        } else {
            for node in nodes { render(node, scope, into: &out) }
        }
        return out
    }

    private func render(_ node: TemplateNode, _ scope: Scope, into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let path, let escaped):
            guard let value = lookup(path, scope) else { return }
            let text = Self.text(of: value)
            out += escaped ? Escape.markup(text) : text
        case .section(let path, let nodes, let inverted):
            let value = lookup(path, scope)
            out += inverted ? renderInverted(value, nodes, scope) : renderSection(value, nodes, scope)
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name] else { return }
            out += render(nodes, scope.entering(indentation: indentation, overrides: overrides, keepOverrides: false))
        case .block(let name, let defaultNodes, let indentation):
            let inner = scope.entering(indentation: indentation, keepOverrides: true)
            out += render(scope.overrides?[name] ?? defaultNodes, inner)
        case .blockDefinition:
            break  // only read into its parent's overrides
        }
    }

    private func renderSection(_ value: Any?, _ nodes: [TemplateNode], _ scope: Scope) -> String {
        guard let value else { return "" }
        switch Kind(of: value) {
        case .flag(let on): return on ? render(nodes, scope) : ""
        case .list(let items):
            return items.map { render(nodes, scope.pushing($0)) }.joined()
        case .null: return ""
        case .other: return render(nodes, scope.pushing(value))
        }
    }

    private func renderInverted(_ value: Any?, _ nodes: [TemplateNode], _ scope: Scope) -> String {
        guard let value else { return render(nodes, scope) }
        switch Kind(of: value) {
        case .flag(let on): return on ? "" : render(nodes, scope)
        case .list(let items): return items.isEmpty ? render(nodes, scope.pushing(value)) : ""
        case .null: return render(nodes, scope)
        case .other: return ""
        }
    }

    /// How a section treats a value.
    private enum Kind {
        case flag(Bool), list([Any]), null, other

        init(of value: Any) {
            let type = ObjectIdentifier(Swift.type(of: value))
            if type == Exact.string || type == Exact.dictionary || type == Exact.words || type == Exact.entry
                || type == Exact.link || type == Exact.int {
                self = .other
            } else if type == Exact.bool {
                self = .flag(value as! Bool)
            } else if type == Exact.list {
                self = .list(value as! [Any])
            } else if type == Exact.dictionaries {
                self = .list((value as! [[String: Any]]).map { $0 as Any })
            } else if type == Exact.entries {
                self = .list((value as! [ArticleEntry]).map { $0 as Any })
            } else if type == Exact.links {
                self = .list((value as! [TermLink]).map { $0 as Any })
            } else if let sequence = value as? any MustacheSequence {
                self = .list(Self.elements(sequence))
            } else if let bool = value as? Bool {
                self = .flag(bool)
            } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
                self = .null
            } else {
                self = .other
            }
        }

        private static func elements<S: Sequence>(_ sequence: S) -> [Any] { sequence.map { $0 as Any } }
    }


    /// The identities of the types pages are made of.
    private enum Exact {
        static let string = ObjectIdentifier(String.self), bool = ObjectIdentifier(Bool.self)
        static let int = ObjectIdentifier(Int.self)
        static let dictionary = ObjectIdentifier([String: Any].self), words = ObjectIdentifier([String: String].self)
        static let entry = ObjectIdentifier(ArticleEntry.self), link = ObjectIdentifier(TermLink.self)
        static let list = ObjectIdentifier([Any].self), dictionaries = ObjectIdentifier([[String: Any]].self)
        static let entries = ObjectIdentifier([ArticleEntry].self), links = ObjectIdentifier([TermLink].self)
    }

    /// What `{{name}}` prints for a value, before escaping.
    static func text(of value: Any) -> String {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Exact.string { return value as! String }
        if type == Exact.int { return String(value as! Int) }
        if let renderable = value as? MustacheCustomRenderable { return renderable.renderText }
        return String(describing: unwrapped(value))
    }

    /// A value held as an optional, unwrapped; an empty optional stays as it is.
    private static func unwrapped(_ value: Any) -> Any {
        guard let optional = value as? OptionalValue else { return value }
        return optional.wrappedValue ?? value
    }

    // MARK: Names

    private func lookup(_ path: TemplatePath, _ scope: Scope) -> Any? {
        var found: Any?
        switch path.start {
        case .current:
            found = scope.stack.last
        case .top:
            found = scope.stack.last.flatMap { descend(path.names[...], from: $0) }
        case .stack:
            if let first = path.names.first {
                for object in scope.stack.reversed() {
                    if let child = Self.child(first, of: object) {
                        found = descend(path.names.dropFirst(), from: child)
                        break
                    }
                }
            } else {
                found = scope.stack.last
            }
        }
        if let value = found, let custom = value as? MustacheCustomRepresentation { found = custom.representation }
        return found
    }

    private func descend(_ names: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for name in names {
            guard let child = Self.child(name, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// A value's field, as swift-mustache finds it.
    static func child(_ name: String, of object: Any) -> Any? {
        let type = ObjectIdentifier(Swift.type(of: object))
        if type == Exact.dictionary { return (object as! [String: Any])[name] }
        if type == Exact.words { return (object as! [String: String])[name] }
        if type == Exact.entry { return (object as! ArticleEntry).child(named: name) }
        if type == Exact.link { return (object as! TermLink).child(named: name) }
        if type == Exact.string || type == Exact.bool || type == Exact.int { return Self.mirrored(name, of: object) }
        let represented: Any? = (object as? MustacheCustomRepresentation).map(\.representation) ?? object
        if let parent = represented as? MustacheParent { return parent.child(named: name) }
        guard let represented else { return nil }
        return mirrored(name, of: represented)
    }

    /// A stored property of a value that is no parent, through reflection, as swift-mustache
    /// reads one.
    private static func mirrored(_ name: String, of object: Any) -> Any? {
        guard let match = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: match.value)
        guard mirror.displayStyle == .optional else { return match.value }
        return mirror.children.first?.value
    }
}

/// An optional seen through `Any`.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
