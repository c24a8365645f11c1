import Foundation

/// `gazette deploy`: sends what changed since the last deploy to a target, in the plan's
/// order, through the tool made for each kind of target (a copy for a folder; rsync over
/// SSH; rclone for object stores, CDNs and everything else it reaches), then remembers
/// what the target now has. A failed deploy remembers nothing, so the next one sends again.
public struct Deployer: Sendable {
    public struct Report: Sendable {
        public var target: String
        public var sent: Int
        public var removed: Int
        public var dryRun: Bool
        public var plan: DeployPlan

        public var summary: String {
            let verb = dryRun ? "Would send" : "Sent"
            return "\(verb) \(sent) \(sent == 1 ? "file" : "files") to \(target) and \(dryRun ? "remove" : "removed") \(removed)"
                + (sent + removed == 0 ? ": it already has this site" : "")
        }
    }

    let options: BuildOptions
    let target: DeployTarget

    public init(options: BuildOptions, target: DeployTarget) {
        self.options = options
        self.target = target
    }

    /// The target named `name`, or the only one; an error listing them otherwise.
    public static func target(named name: String?, options: BuildOptions) throws(GazetteError) -> DeployTarget {
        let config = try SiteConfig.load(path: options.configFile)
        let targets = config.deployTargets
        if targets.isEmpty {
            throw GazetteError(file: options.configFile, message: "no deploy targets; name one under 'deploy:' (see the README's Deploy section)")
        }
        if let name {
            guard let target = targets.first(where: { $0.name == name }) else {
                throw GazetteError(file: options.configFile, message: "no deploy target '\(name)'; the targets are \(targets.map(\.name).joined(separator: ", "))")
            }
            return target
        }
        guard targets.count == 1 else {
            throw GazetteError(file: options.configFile, message: "several deploy targets; say which: \(targets.map(\.name).joined(separator: ", "))")
        }
        return targets[0]
    }

    var output: String { URL(fileURLWithPath: options.output).standardizedFileURL.path }
    var recordPath: String { DeployRecord.folder(forOutput: output) + "/" + target.name }

    /// The built site's files and signatures, from its build cache: only a site exactly as
    /// its last build left it is deployed.
    func builtFiles() throws(GazetteError) -> [(path: String, signature: UInt64)] {
        guard let cache = BuildCache.load(from: BuildCache.path(forOutput: output)),
              cache.outputIdentity == BuildCache.identity(of: output) else {
            throw GazetteError(file: output, message: "is not as the last gazette build left it (or there was none); run gazette build, then deploy")
        }
        return zip(cache.outputs.paths, cache.outputs.signatures).map { ($0, $1) }
    }

    public func plan() throws(GazetteError) -> DeployPlan {
        let root = output
        return DeployPlan(current: try builtFiles(), sent: DeployRecord.load(recordPath)) {
            FileManager.default.contents(atPath: root + "/" + $0)
        }
    }

    public func run(dryRun: Bool = false) throws(GazetteError) -> Report {
        let plan = try plan()
        if !dryRun && !plan.isEmpty {
            try send(plan)
        }
        if !dryRun {
            do { try DeployRecord.save(plan.record, to: recordPath) } catch {
                throw GazetteError(file: recordPath, message: "the site went out, but what was sent could not be noted here (\(error)); the next deploy sends everything again")
            }
        }
        return Report(target: target.name, sent: plan.sendCount, removed: plan.removals.count, dryRun: dryRun, plan: plan)
    }

    private func send(_ plan: DeployPlan) throws(GazetteError) {
        switch target.kind {
        case .folder(let folder):
            try FolderTarget(source: output, destination: folder).send(plan)
        case .rsync(let destination):
            try RsyncTarget(source: output, destination: destination, target: target).send(plan)
        case .rclone(let remote):
            try RcloneTarget(source: output, remote: remote).send(plan)
        }
    }
}
