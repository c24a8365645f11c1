import Foundation

/// Real servers on loopback for the publishing tests: Debian's sshd (a throwaway host key and
/// client key, a free high port) and nginx (a prefix of its own). Each is stopped when its
/// value goes away. A test that finds the program missing says so and is skipped: `make test`
/// installs them.
enum Loopback {
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func installed(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs a program to its end; its output through a file, not a pipe (see `ExternalTool`:
    /// a server another test starts meanwhile would inherit a pipe and hold it open).
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let log = NSTemporaryDirectory() + "gazette-run-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        defer { unlink(log) }
        let handle = FileHandle(forWritingAtPath: log)!
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else { throw Failure(text: "\(program) \(arguments): \(text)") }
        return text
    }

    /// Starts a server with posix_spawn, not Foundation's Process: sshd closes every file it
    /// inherits as it starts, which Foundation takes for the program's end; it then waits for
    /// it on the thread that notices every child's end, and no other program's end is seen.
    static func spawn(_ program: String, _ arguments: [String]) throws -> pid_t {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The server starts with no signal blocked and every signal at its default: a test
        // runs on a thread that blocks most signals, and a child inherits that mask (Apache,
        // which does not reset it, would never see the SIGTERM that stops it).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let status = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard status == 0 else { throw Failure(text: "cannot start \(program): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Starts a server and waits for its port; if it never opens, the error carries its log.
    static func startServer(_ program: String, _ arguments: [String], port: Int, log: String) throws -> pid_t {
        let pid = try spawn(program, arguments)
        guard waitForPort(port) else {
            stop(pid)
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure(text: "\((program as NSString).lastPathComponent) did not start on port \(port): \(text)")
        }
        return pid
    }

    static func stop(_ pid: pid_t) {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    struct Failure: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }

    /// Waits until something accepts connections on the port.
    static func waitForPort(_ port: Int, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let ok = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            } == 0
            close(fd)
            if ok { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

/// sshd on 127.0.0.1 that lets in one throwaway key, as the user running the tests.
final class LoopbackSSH {
    let folder = TemporaryDirectory()
    let port = Loopback.freePort()
    var clientKey: String { folder.path + "/client" }
    var knownHosts: String { folder.path + "/known_hosts" }
    let user = NSUserName()
    private var pid: pid_t = 0

    static var isAvailable: Bool { Loopback.installed("/usr/sbin/sshd") && Loopback.installed("/usr/bin/ssh-keygen") }

    init() throws {
        let keygen = "/usr/bin/ssh-keygen"
        try Loopback.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-f", folder.path + "/host"])
        try Loopback.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-f", clientKey])
        try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: folder.path + "/authorized_keys")
        let hostKey = try String(contentsOfFile: folder.path + "/host.pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try "[127.0.0.1]:\(port) \(hostKey)\n".write(toFile: knownHosts, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder.path)/host
            AuthorizedKeysFile \(folder.path)/authorized_keys
            PidFile \(folder.path)/sshd.pid
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            Subsystem sftp internal-sftp

            """
        try config.write(toFile: folder.path + "/sshd_config", atomically: true, encoding: .utf8)
        pid = try Loopback.startServer("/usr/sbin/sshd", ["-D", "-E", folder.path + "/sshd.log", "-f", folder.path + "/sshd_config"],
                                       port: port, log: folder.path + "/sshd.log")
    }

    deinit { if pid > 0 { Loopback.stop(pid) } }
}

/// nginx with a prefix of its own, serving a folder on 127.0.0.1 with a server block made by
/// `HostConfig.nginx` (its `listen` and `root` put here) and the redirects map included.
final class LoopbackNginx {
    let folder = TemporaryDirectory()
    let port = Loopback.freePort()
    private var pid: pid_t = 0

    static var isAvailable: Bool { Loopback.installed("/usr/sbin/nginx") }
    static var hasBrotli: Bool { FileManager.default.fileExists(atPath: "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so") }

    init(serverBlock: String, redirects: String?) throws {
        var server = serverBlock.replacingOccurrences(of: "listen 80;", with: "listen 127.0.0.1:\(port);")
        if !Self.hasBrotli { server = server.replacingOccurrences(of: "brotli_static on;", with: "") }
        let brotli = Self.hasBrotli ? "load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n" : ""
        let user = getuid() == 0 ? "user root;\n" : ""
        let config = """
            \(brotli)\(user)worker_processes 1;
            daemon off;
            error_log \(folder.path)/error.log;
            pid \(folder.path)/nginx.pid;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path \(folder.path)/body;
                proxy_temp_path \(folder.path)/proxy;
                fastcgi_temp_path \(folder.path)/fastcgi;
                uwsgi_temp_path \(folder.path)/uwsgi;
                scgi_temp_path \(folder.path)/scgi;
                \(redirects.map { "include \($0);" } ?? "map $request_uri $gazette_redirect { default \"\"; }")
                \(server)
            }

            """
        try config.write(toFile: folder.path + "/nginx.conf", atomically: true, encoding: .utf8)
        pid = try Loopback.startServer("/usr/sbin/nginx", ["-p", folder.path, "-c", folder.path + "/nginx.conf"], port: port,
                                       log: folder.path + "/error.log")
    }

    deinit { if pid > 0 { Loopback.stop(pid) } }

    func get(_ path: String, headers: [String: String] = [:]) throws -> (status: Int, headers: [String: String], body: Data) {
        try Curl.get("http://127.0.0.1:\(port)\(path)", headers: headers, scratch: folder.path)
    }
}

/// Apache httpd (Debian's apache2) on 127.0.0.1, with the modules the printed configuration
/// needs and that configuration's virtual host.
final class LoopbackApache {
    let folder = TemporaryDirectory()
    let port = Loopback.freePort()
    private var pid: pid_t = 0

    static var isAvailable: Bool { Loopback.installed("/usr/sbin/apache2") }

    init(virtualHost: String) throws {
        let modules = ["mpm_event", "authz_core", "dir", "mime", "rewrite", "headers", "alias"].map {
            "LoadModule \($0)_module /usr/lib/apache2/modules/mod_\($0).so"
        }.joined(separator: "\n")
        let user = getuid() == 0 ? "User nobody\nGroup nogroup\n" : ""
        let config = """
            ServerRoot \(folder.path)
            ServerName 127.0.0.1
            Listen 127.0.0.1:\(port)
            \(modules)
            \(user)PidFile \(folder.path)/httpd.pid
            ErrorLog \(folder.path)/error.log
            TypesConfig /etc/mime.types
            DirectoryIndex index.html
            \(virtualHost.replacingOccurrences(of: "<VirtualHost *:80>", with: "<VirtualHost *:\(port)>"))

            """
        try config.write(toFile: folder.path + "/httpd.conf", atomically: true, encoding: .utf8)
        pid = try Loopback.startServer("/usr/sbin/apache2", ["-f", folder.path + "/httpd.conf", "-DFOREGROUND"], port: port,
                                       log: folder.path + "/error.log")
    }

    deinit { if pid > 0 { Loopback.stop(pid) } }

    func get(_ path: String, headers: [String: String] = [:]) throws -> (status: Int, headers: [String: String], body: Data) {
        try Curl.get("http://127.0.0.1:\(port)\(path)", headers: headers, scratch: folder.path)
    }
}

/// One request with curl, without following redirects: status, headers (lowercased names)
/// and the body as it came (not decompressed).
enum Curl {
    static func get(_ url: String, headers: [String: String], scratch: String) throws -> (status: Int, headers: [String: String], body: Data) {
        let out = scratch + "/response-\(UUID().uuidString)"
        var arguments = ["-s", "-o", out + ".body", "-D", out + ".headers"]
        for (k, v) in headers { arguments += ["-H", "\(k): \(v)"] }
        try Loopback.run("/usr/bin/curl", arguments + [url])
        let head = try String(contentsOfFile: out + ".headers", encoding: .utf8).split(separator: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, fields, (try? Data(contentsOf: URL(fileURLWithPath: out + ".body"))) ?? Data())
    }
}
