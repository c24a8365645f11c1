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
        var scope = Scope(stack: [value])
        scope.stack.reserveCapacity(16)
        var out = ""  // (no capacity reserved: list entries rendered ahead are kept for the whole build)
        render(nodes, &scope, into: &out)
        return out
    }

    /// The context stack, the indentation of the partial being rendered, and the blocks the
    /// templates that inherit from it override (the outermost definition wins). One scope is
    /// changed in place and put back as rendering goes in and out of sections and partials.
    struct Scope {
        var stack: [Any]
        var indentation: String?
        var overrides: [String: [TemplateNode]]?
    }

    /// One template's (or section's) nodes, appended to `out`. An indented partial puts its
    /// indentation at the start of each line that a node begins, lines counted from what
    /// this call renders (as swift-mustache counts them); without one, nodes write straight
    /// into `out`.
    private func render(_ nodes: [TemplateNode], _ scope: inout Scope, into out: inout String) {
        guard let indentation = scope.indentation, indentation != "" else {
            for node in nodes { render(node, &scope, into: &out) }
            return
        }
        var local = ""
        for node in nodes {
            var piece = ""
            render(node, &scope, into: &piece)
            if !piece.isEmpty, local.last == "\n" { local += indentation }
            local += piece
        }
        out += local
    }

    private func render(_ node: TemplateNode, _ scope: inout Scope, into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let path, let escaped):
            guard let value = lookup(path, scope.stack) else { return }
            let text = Self.text(of: value)
            out += escaped ? Escape.markup(text) : text
        case .section(let path, let nodes, let inverted):
            let value = lookup(path, scope.stack)
            if inverted { renderInverted(value, nodes, &scope, into: &out) } else { renderSection(value, nodes, &scope, into: &out) }
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name] else { return }
            let saved = (scope.indentation, scope.overrides)
            if let indentation { scope.indentation = (scope.indentation ?? "") + indentation }
            if let overrides { scope.overrides = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides }
            render(nodes, &scope, into: &out)
            (scope.indentation, scope.overrides) = saved
        case .block(let name, let defaultNodes, let indentation):
            let saved = scope.indentation
            if let indentation { scope.indentation = (scope.indentation ?? "") + indentation }
            render(scope.overrides?[name] ?? defaultNodes, &scope, into: &out)
            scope.indentation = saved
        case .blockDefinition:
            break  // only read into its parent's overrides
        }
    }

    /// `nodes` with `value` on top of the stack.
    private func render(_ nodes: [TemplateNode], with value: Any, _ scope: inout Scope, into out: inout String) {
        scope.stack.append(value)
        render(nodes, &scope, into: &out)
        scope.stack.removeLast()
    }

    private func renderSection(_ value: Any?, _ nodes: [TemplateNode], _ scope: inout Scope, into out: inout String) {
        guard let value else { return }
        switch Kind(of: value) {
        case .flag(let on): if on { render(nodes, &scope, into: &out) }
        case .values(let items): for item in items { render(nodes, with: item, &scope, into: &out) }
        case .dictionaries(let items): for item in items { render(nodes, with: item, &scope, into: &out) }
        case .entries(let items): for item in items { render(nodes, with: item, &scope, into: &out) }
        case .links(let items): for item in items { render(nodes, with: item, &scope, into: &out) }
        case .null: break
        case .other: render(nodes, with: value, &scope, into: &out)
        }
    }

    private func renderInverted(_ value: Any?, _ nodes: [TemplateNode], _ scope: inout Scope, into out: inout String) {
        guard let value else { return render(nodes, &scope, into: &out) }
        let kind = Kind(of: value)
        switch kind {
        case .flag(let on): if !on { render(nodes, &scope, into: &out) }
        case .values, .dictionaries, .entries, .links: if kind.isEmptyList { render(nodes, with: value, &scope, into: &out) }
        case .null: render(nodes, &scope, into: &out)
        case .other: break
        }
    }

    /// How a section treats a value. Lists of the types pages are made of are kept as they
    /// are, not copied into lists of `Any`.
    private enum Kind {
        case flag(Bool), values([Any]), dictionaries([[String: Any]]), entries([ArticleEntry]), links([TermLink])
        case null, other

        init(of value: Any) {
            let type = ObjectIdentifier(Swift.type(of: value))
            if type == Exact.string || type == Exact.dictionary || type == Exact.words || type == Exact.entry
                || type == Exact.link || type == Exact.int {
                self = .other
            } else if type == Exact.bool {
                self = .flag(value as! Bool)
            } else if type == Exact.list {
                self = .values(value as! [Any])
            } else if type == Exact.dictionaries {
                self = .dictionaries(value as! [[String: Any]])
            } else if type == Exact.entries {
                self = .entries(value as! [ArticleEntry])
            } else if type == Exact.links {
                self = .links(value as! [TermLink])
            } else if let sequence = value as? any MustacheSequence {
                self = .values(Self.elements(sequence))
            } else if let bool = value as? Bool {
                self = .flag(bool)
            } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
                self = .null
            } else {
                self = .other
            }
        }

        var isEmptyList: Bool {
            switch self {
            case .values(let items): return items.isEmpty
            case .dictionaries(let items): return items.isEmpty
            case .entries(let items): return items.isEmpty
            case .links(let items): return items.isEmpty
            case .flag, .null, .other: return false
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

        /// One of the types above: none of swift-mustache's protocols applies to it, so a
        /// lookup need not try them.
        static func isKnown(_ value: Any) -> Bool {
            let type = ObjectIdentifier(Swift.type(of: value))
            return type == string || type == dictionary || type == words || type == entry || type == link || type == int
                || type == bool || type == list || type == dictionaries || type == entries || type == links
        }
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

    private func lookup(_ path: TemplatePath, _ stack: [Any]) -> Any? {
        var found: Any?
        switch path.start {
        case .current:
            found = stack.last
        case .top:
            found = stack.last.flatMap { descend(path.names[...], from: $0) }
        case .stack:
            if let first = path.names.first {
                for object in stack.reversed() {
                    if let child = Self.child(first, of: object) {
                        found = descend(path.names.dropFirst(), from: child)
                        break
                    }
                }
            } else {
                found = stack.last
            }
        }
        if let value = found, !Exact.isKnown(value), let custom = value as? MustacheCustomRepresentation {
            found = custom.representation
        }
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
