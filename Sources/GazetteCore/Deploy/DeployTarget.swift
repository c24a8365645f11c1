import Yams

/// A place `gazette deploy` sends the site, named under `deploy:` in `gazette.yml`:
///
///     deploy:
///       production:
///         rsync: deploy@example.org:/var/www/archive/   # over SSH
///         ssh_port: 22                                  # optional, as are the two below
///         ssh_key: /home/me/.ssh/id_ed25519
///         ssh_known_hosts: /home/me/.ssh/known_hosts
///       bucket:
///         rclone: s3:my-bucket/archive                  # any rclone remote
///       local:
///         folder: /var/www/html
public struct DeployTarget: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case folder(String)
        case rsync(String)
        case rclone(String)
    }

    public var name: String
    public var kind: Kind
    public var sshPort: Int?
    public var sshKey: String?
    public var sshKnownHosts: String?

    static let keys = ["folder", "rsync", "rclone", "ssh_port", "ssh_key", "ssh_known_hosts"]

    static func read(_ node: Node, fields: inout YAMLFields) -> [DeployTarget] {
        guard case .mapping = node else {
            fields.fail("deploy", "'deploy' must name each target and say where it is (folder:, rsync: or rclone:)")
            return []
        }
        let named = YAMLFields(node: node, file: fields.file, lineOffset: fields.lineOffset)
        var targets: [DeployTarget] = []
        for name in named.keys {
            guard let options = named.node(name) else { continue }
            var o = YAMLFields(node: options, file: fields.file, lineOffset: fields.lineOffset)
            let kinds = [o.string("folder").map(Kind.folder), o.string("rsync").map(Kind.rsync), o.string("rclone").map(Kind.rclone)]
                .compactMap { $0 }
            for key in o.keys where !keys.contains(key) {
                o.fail(key, "unknown deploy option '\(key)'; the options are \(keys.joined(separator: ", "))")
            }
            if kinds.count != 1 {
                fields.diagnostics.append(Diagnostic(file: fields.file, line: named.line(ofKey: name), message:
                    "the deploy target '\(name)' needs exactly one of folder:, rsync: (user@host:/path) or rclone: (remote:path)"))
            } else {
                targets.append(DeployTarget(name: name, kind: kinds[0], sshPort: o.int("ssh_port", range: 1...65535),
                                            sshKey: o.string("ssh_key"), sshKnownHosts: o.string("ssh_known_hosts")))
            }
            fields.diagnostics += o.diagnostics
        }
        return targets
    }
}
