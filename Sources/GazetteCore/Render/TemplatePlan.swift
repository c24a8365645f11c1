/// A theme's Mustache template read once into a plan that renders without looking anything up
/// by protocol.
///
/// Why by hand: swift-mustache tries every value it meets against five or six protocols
/// (parent, sequence, lambda, custom rendering, optional) with Swift's dynamic casts, and
/// splits each tag's name on every use; on a profile of a 10,000-article build that was 42%
/// of all CPU, a quarter of it the casts alone. No maintained library renders Mustache from
/// typed values, so the themes' templates are compiled here into nodes whose names are split
/// once, and rendered by `TemplateRenderer`, which tells the values Gazette puts in a page
/// (strings, flags, numbers, dictionaries, lists, its own entry types) by their exact type and
/// treats anything else as swift-mustache does.
///
/// swift-mustache stays the theme language's reference: it parses every template first (its
/// errors are the ones a theme author sees), and a template this plan does not cover
/// (set-delimiter tags, pragmas, transforms such as `{{uppercase(name)}}`, dynamic partials)
/// makes the whole theme render through swift-mustache. Whitespace follows swift-mustache's
/// reading of the Mustache specification exactly (standalone tags, partial indentation,
/// inheritance): a test renders every page of a site through both and compares the bytes.
indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode], inverted: Bool)
    /// `{{> name}}` (no overrides) or `{{< name}}...{{/name}}` (with the blocks it overrides).
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{$ name}}default{{/name}}` in a template that can be inherited from.
    case block(String, default: [TemplateNode], indentation: String?)
    /// A block defined inside `{{< parent}}`: only collected into the parent's overrides.
    case blockDefinition(String, [TemplateNode])
}

/// A tag's name, split once: `.` (the current value), `.name` (from the current value only),
/// or `a.b.c` (`a` looked up the context stack, then `b` and `c` inside it).
struct TemplatePath: Sendable {
    enum Start: Sendable { case current, top, stack }
    var start: Start
    var names: [String]

    init(_ name: String) {
        names = name.split(separator: ".").map(String.init)
        start = name == "." ? .current : name.first == "." ? .top : .stack
    }
}

/// Reads Mustache into `TemplateNode`s, or says the template needs swift-mustache.
struct TemplateCompiler {
    /// What the plan does not cover, or what does not parse (swift-mustache reports that).
    struct Unsupported: Error { var reason: String }

    private let characters: [Character]
    private var position = 0

    static func compile(_ text: String) throws(Unsupported) -> [TemplateNode] {
        var compiler = TemplateCompiler(characters: Array(text))
        return try compiler.parse(State())
    }

    private init(characters: [Character]) { self.characters = characters }

    /// Where the reader is: inside which section, at the start of a line or not, and inside
    /// `{{< parent}}` (whose blocks are definitions, with the first line's indentation
    /// taken off the lines after).
    private struct State {
        var section: String?
        var newLine = true
        var inParent = false
        var parentTopLevel = false
        var parentIndentation: [Character]?

        func entering(_ name: String, newLine: Bool) -> State {
            var s = self
            s.section = name
            s.parentTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func enteringParent(_ name: String) -> State {
            var s = self
            s.section = name
            s.newLine = true
            s.inParent = true
            s.parentTopLevel = true
            return s
        }
    }

    private var atEnd: Bool { position == characters.count }
    /// The character being read, NUL at the end (as swift-mustache's reader has it).
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func read(while test: (Character) -> Bool) -> [Character] {
        let start = position
        while !atEnd, test(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    private mutating func read(_ string: String) -> Bool {
        let wanted = Array(string)
        guard position + wanted.count <= characters.count, Array(characters[position..<(position + wanted.count)]) == wanted else {
            return false
        }
        position += wanted.count
        return true
    }

    private static func isSpaceOrTab(_ c: Character) -> Bool { c == " " || c == "\t" }

    private mutating func parse(_ initial: State) throws(Unsupported) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var spaceBefore: [Character] = []
        func flushSpace() {
            if !spaceBefore.isEmpty { nodes.append(.text(String(spaceBefore))); spaceBefore = [] }
        }
        while !atEnd {
            if state.newLine {
                let space = read(while: Self.isSpaceOrTab)
                if state.inParent && !state.parentTopLevel {
                    if let indentation = state.parentIndentation {
                        spaceBefore = Array(space.dropFirst(indentation.count))
                    } else {
                        state.parentIndentation = space
                    }
                } else {
                    spaceBefore = space
                }
            }
            let text = readTextUntilTagOrNewline()
            if current.isNewline {
                nodes.append(.text(String(spaceBefore + text + [current])))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(String(spaceBefore + text)))
                spaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var newLineAfter = false
            let sigil = current
            switch sigil {
            case "#", "^":
                position += 1
                let name = try readName()
                if isStandalone(state) { newLineAfter = true } else { flushSpace() }
                let children = try parse(state.entering(name, newLine: newLineAfter))
                nodes.append(.section(TemplatePath(name), children, inverted: sigil == "^"))
            case "/":
                position += 1
                let name = try readName()
                guard name == state.section else { throw Unsupported(reason: "a closing tag that does not match") }
                if !isStandalone(state) { flushSpace() }
                return nodes
            case "!":
                position += 1
                try skipComment()
                newLineAfter = isStandalone(state)
            case "{", "&":
                flushSpace()
                position += 1
                let name = try readName()
                if sigil == "{" { guard read("}") else { throw Unsupported(reason: "an unclosed {{{") } }
                nodes.append(.variable(TemplatePath(name), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                guard current != "*" else { throw Unsupported(reason: "a dynamic partial") }
                let name = try readPartialName()
                if !spaceBefore.isEmpty { nodes.append(.text(String(spaceBefore))) }
                if isStandalone(state) {
                    newLineAfter = true
                    nodes.append(.partial(name, indentation: String(spaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                spaceBefore = []
            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readPartialName()
                guard name.first != "*" else { throw Unsupported(reason: "a dynamic parent") }
                if !spaceBefore.isEmpty { nodes.append(.text(String(spaceBefore))) }
                if isStandalone(state) { newLineAfter = true }
                var overrides: [String: [TemplateNode]] = [:]
                for child in try parse(state.enteringParent(name)) {
                    switch child {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw Unsupported(reason: "a tag inside {{<\(name)}} outside any block")
                    }
                }
                nodes.append(.partial(name, indentation: String(spaceBefore), overrides: overrides))
                spaceBefore = []
            case "$":
                position += 1
                let name = try readName()
                if state.parentTopLevel {
                    if isStandalone(state) { newLineAfter = true }
                    nodes.append(.blockDefinition(name, try parse(state.entering(name, newLine: newLineAfter))))
                } else {
                    if !spaceBefore.isEmpty { nodes.append(.text(String(spaceBefore))) }
                    if isStandalone(state) { newLineAfter = true }
                    let body = try parse(state.entering(name, newLine: newLineAfter))
                    nodes.append(.block(name, default: body, indentation: String(spaceBefore)))
                    spaceBefore = []
                }
            case "=": throw Unsupported(reason: "a set-delimiter tag")
            case "%": throw Unsupported(reason: "a pragma")
            default:
                flushSpace()
                nodes.append(.variable(TemplatePath(try readName()), escaped: true))
            }
            state.newLine = newLineAfter
        }
        guard state.section == nil else { throw Unsupported(reason: "an unclosed section") }
        return nodes
    }

    /// Text up to a newline (not taken) or up to and past `{{`.
    private mutating func readTextUntilTagOrNewline() -> [Character] {
        var text: [Character] = []
        while !atEnd {
            let c = characters[position]
            if c == "\n" || c == "\r\n" { break }
            if c == "{" {
                if read("{{") { break }
                position += 1
                text.append(c)
                continue
            }
            text.append(c)
            position += 1
        }
        return text
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    private mutating func readName() throws(Unsupported) -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: { Self.nameCharacters.contains($0) }))
        _ = read(while: \.isWhitespace)
        guard read("}}") else { throw Unsupported(reason: "an unclosed tag") }
        guard !name.contains("(") && !name.contains(")") else { throw Unsupported(reason: "a transform") }
        return name
    }

    private mutating func readPartialName() throws(Unsupported) -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: { Self.partialNameCharacters.contains($0) }))
        _ = read(while: \.isWhitespace)
        guard read("}}") else { throw Unsupported(reason: "an unclosed partial tag") }
        return name
    }

    private mutating func skipComment() throws(Unsupported) {
        while !atEnd {
            if read("}}") { return }
            position += 1
        }
        throw Unsupported(reason: "an unclosed comment")
    }

    /// Whether a tag stands alone on its line (only spaces before and after it); if so, the
    /// rest of the line and its newline are consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var ahead = position
        while ahead < characters.count, Self.isSpaceOrTab(characters[ahead]) { ahead += 1 }
        guard ahead < characters.count, characters[ahead].isNewline else { return false }
        position = ahead + 1
        return true
    }
}
