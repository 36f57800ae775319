import Foundation
import Mail
import Testing
import Vapor

@testable import TsunaguServer

/// `tsunagu` reads its flags and environment into typed values and refuses, naming the setting, what it cannot use.
/// Nothing here depends on the database: the suite runs in the SQLite pass only.
@Suite(.enabled(if: TestDatabase.isSQLite, "reads the environment; the database plays no part"))
struct ServerConfigurationTests {
    /// An empty environment gives the documented defaults.
    @Test func defaults() throws {
        let configuration = try ServerConfiguration.fromEnvironment([:])
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8080)
        #expect(configuration.telephony == .simulated)
        #expect(configuration.rtpengineHost == nil && configuration.smtp == nil && !configuration.servesTLS)
        #expect(configuration.autoMigrate && !configuration.trustProxy)
    }

    /// Every accepted value is read: ports, telephony in any case, rtpengine with or without its port, booleans.
    @Test func acceptedValues() throws {
        let configured = try ServerConfiguration.fromEnvironment([
            "HOST": "0.0.0.0", "PORT": "9090", "TELEPHONY": "SIP", "SIP_HOST": "::1", "SIP_PORT": "0",
            "RTPENGINE_NG": "127.0.0.1:22233", "TRUST_PROXY": "yes", "AUTO_MIGRATE": "0", "UPLOAD_LIMIT_MB": "10",
            "SMTP_HOST": "mail.example.jp", "SMTP_PORT": "25", "SMTP_STARTTLS": "Never", "LOG_LEVEL": "debug",
        ])
        #expect(configured.host == "0.0.0.0" && configured.port == 9090)
        #expect(configured.telephony == .sip && configured.sipHost == "::1" && configured.sipPort == 0)
        #expect(configured.rtpengineHost == "127.0.0.1" && configured.rtpenginePort == 22233)
        #expect(configured.trustProxy && !configured.autoMigrate && configured.uploadLimitBytes == 10 * 1024 * 1024)
        #expect(configured.smtp?.port == 25 && configured.smtp?.security == SMTPConfiguration.Security.none)
        let hostOnly = try ServerConfiguration.fromEnvironment(["TELEPHONY": "sip", "RTPENGINE_NG": "media.example"])
        #expect(hostOnly.rtpengineHost == "media.example" && hostOnly.rtpenginePort == 22222)
        let scaled = try ServerConfiguration.fromEnvironment(["SIMULATED_TIME_SCALE": "20", "PORT": ""])
        #expect(scaled.simulatedTimeScale == 20 && scaled.port == 8080, "an empty value is the same as unset")
    }

    /// `TELEPHONY=sipp` (a typo) is refused instead of running the simulated carrier.
    @Test func telephonyTypo() throws {
        try expectRefusal(
            ["TELEPHONY": "sipp"], "TELEPHONY=sipp is not accepted: TELEPHONY accepts simulated or sip", of: "TELEPHONY"
        )
    }

    /// `PORT=eighty` is refused instead of serving on 8080.
    @Test func portThatIsNotANumber() throws {
        try expectRefusal(["PORT": "eighty"], "PORT=eighty is not accepted: PORT accepts an integer from 1 to 65535")
    }

    /// `PORT=70000` is refused: no such port.
    @Test func portOutOfRange() throws {
        try expectRefusal(["PORT": "70000"], "PORT=70000 is not accepted: PORT accepts an integer from 1 to 65535")
    }

    /// `SMTP_PORT=x` is refused instead of sending to port 587.
    @Test func smtpPort() throws {
        try expectRefusal(
            ["SMTP_HOST": "mail.example.jp", "SMTP_PORT": "x"],
            "SMTP_PORT=x is not accepted: SMTP_PORT accepts an integer from 1 to 65535")
    }

    /// `RTPENGINE_NG=host:99999` (and a port without a host) is refused instead of running without audio.
    @Test func rtpenginePort() throws {
        let accepts = "RTPENGINE_NG accepts host:port (port 1-65535) or a host alone (port 22222), e.g. 127.0.0.1:22222"
        try expectRefusal(
            ["TELEPHONY": "sip", "RTPENGINE_NG": "host:99999"], "RTPENGINE_NG=host:99999 is not accepted: \(accepts)")
        try expectRefusal(
            ["TELEPHONY": "sip", "RTPENGINE_NG": ":22222"], "RTPENGINE_NG=:22222 is not accepted: \(accepts)")
    }

    /// `RTPENGINE_NG` or `SIP_PORT` without `TELEPHONY=sip` would do nothing: refused.
    @Test func sipSettingsWithoutSIP() throws {
        try expectRefusal(
            ["RTPENGINE_NG": "127.0.0.1:22222"],
            "RTPENGINE_NG is set without TELEPHONY=sip: RTPENGINE_NG is used only with TELEPHONY=sip (TELEPHONY is "
                + "simulated); set TELEPHONY=sip or unset RTPENGINE_NG")
        let error = try #require(refusal(["TELEPHONY": "simulated", "SIP_PORT": "5070"]))
        #expect(error.setting == "SIP_PORT")
        let scaled = try #require(refusal(["TELEPHONY": "sip", "SIMULATED_TIME_SCALE": "20"]))
        #expect(scaled.setting == "SIMULATED_TIME_SCALE")
    }

    /// `SMTP_STARTTLS=maybe` is refused instead of quietly meaning `auto`.
    @Test func startTLS() throws {
        try expectRefusal(
            ["SMTP_HOST": "mail.example.jp", "SMTP_STARTTLS": "maybe"],
            "SMTP_STARTTLS=maybe is not accepted: SMTP_STARTTLS accepts auto, always or never")
        let error = try #require(refusal(["SMTP_USER": "tsunagu"]))
        #expect(error.setting == "SMTP_USER" && error.description.contains("used only with SMTP_HOST"))
    }

    /// `TRUST_PROXY=perhaps` is refused instead of quietly meaning false.
    @Test func booleans() throws {
        try expectRefusal(
            ["TRUST_PROXY": "perhaps"],
            "TRUST_PROXY=perhaps is not accepted: TRUST_PROXY accepts true, false, 1, 0, yes or no")
        #expect(try #require(refusal(["AUTO_MIGRATE": "off"])).setting == "AUTO_MIGRATE")
    }

    /// Numbers out of their range are refused: upload limit, time scale, log level.
    @Test func ranges() throws {
        #expect(try #require(refusal(["UPLOAD_LIMIT_MB": "0"])).setting == "UPLOAD_LIMIT_MB")
        #expect(try #require(refusal(["SIMULATED_TIME_SCALE": "-1"])).setting == "SIMULATED_TIME_SCALE")
        #expect(try #require(refusal(["LOG_LEVEL": "verbose"])).setting == "LOG_LEVEL")
        #expect(try #require(refusal(["HOST": "localhost:8080"])).setting == "HOST")
    }

    /// `TLS_CERT` without `TLS_KEY` (or the other way) is refused instead of serving plain HTTP.
    @Test func certificateWithoutKey() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let certificate = try write("-----BEGIN CERTIFICATE-----\n", to: folder, "cert.pem")
        let reason =
            "TLS_CERT (a PEM certificate chain) and TLS_KEY (its PEM private key) are set together or not at all"
        try expectRefusal(["TLS_CERT": certificate], "TLS_CERT is set without TLS_KEY: \(reason)")
        try expectRefusal(["TLS_KEY": certificate], "TLS_KEY is set without TLS_CERT: \(reason)")
    }

    /// A certificate that is missing, a folder or not PEM is refused with its reason, not a crash.
    @Test func unreadableCertificate() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let key = try write("-----BEGIN PRIVATE KEY-----\n", to: folder, "key.pem")
        let accepts = "TLS_CERT accepts a readable PEM certificate chain file"
        try expectRefusal(
            ["TLS_CERT": "\(folder)/missing.pem", "TLS_KEY": key],
            "TLS_CERT=\(folder)/missing.pem cannot be used (no such file): \(accepts)")
        try expectRefusal(
            ["TLS_CERT": folder, "TLS_KEY": key], "TLS_CERT=\(folder) cannot be used (it is a folder): \(accepts)")
        let text = try write("hello", to: folder, "text.pem")
        try expectRefusal(
            ["TLS_CERT": text, "TLS_KEY": key],
            "TLS_CERT=\(text) cannot be used (no PEM certificate in it): \(accepts)")
        // PEM on the outside, garbage inside: NIOSSL's refusal becomes the same kind of message.
        let garbage = try write(
            "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", to: folder, "bad.pem")
        let configuration = try ServerConfiguration.fromEnvironment(["TLS_CERT": garbage, "TLS_KEY": key])
        let error = await #expect(throws: ConfigurationError.self) {
            try await withTestApp(configure: {
                $0.tlsCertificatePath = configuration.tlsCertificatePath
                $0.tlsKeyPath = configuration.tlsKeyPath
            }) { _, _ in }
        }
        #expect(error?.setting == "TLS_CERT")
        #expect(error?.description.hasPrefix("TLS_CERT=\(garbage) cannot be used (") == true)
    }

    /// An rtpengine whose host cannot be resolved stops start-up naming RTPENGINE_NG, instead of serving calls
    /// without the audio the operator asked for.
    @Test func unresolvableRTPEngine() async throws {
        let error = await #expect(throws: ConfigurationError.self) {
            try await withTestApp(configure: {
                $0.telephony = .sip
                $0.sipPort = 0
                $0.rtpengineHost = "rtpengine.invalid"
            }) { _, _ in }
        }
        #expect(error?.setting == "RTPENGINE_NG")
        #expect(error?.description.hasPrefix("RTPENGINE_NG=rtpengine.invalid:22222 cannot be resolved (") == true)
    }

    /// A flag `serve` does not have is refused, and so are stray words and flags of another command.
    @Test func unknownFlag() throws {
        try expectRefusal(
            [:], "--bogus is not a flag of `tsunagu serve`: it accepts --host H (or --hostname H), --port N and --help",
            arguments: ["tsunagu", "serve", "--bogus"])
        #expect(try #require(refusal([:], arguments: ["tsunagu", "routes", "--port", "9000"])).setting == "--port")
        #expect(try #require(refusal([:], arguments: ["tsunagu", "migrate", "--port", "9000"])).setting == "--port")
        #expect(try #require(refusal([:], arguments: ["tsunagu", "serve", "now"])).setting == "now")
        #expect(try #require(refusal([:], arguments: ["tsunagu", "srve"])).setting == "srve")
        try expectRefusal(
            [:], "--port needs a value: --port accepts an integer from 1 to 65535",
            arguments: ["tsunagu", "serve", "--port"])
        try expectRefusal(
            [:], "--port eighty is not accepted: --port accepts an integer from 1 to 65535",
            arguments: ["tsunagu", "demo", "--port", "eighty"])
    }

    /// `demo --port 18080` serves on 18080 whatever `PORT` says, and the banner says so; `--host` likewise.
    @Test func portFlagWinsOverEnvironment() throws {
        let plan = try Launcher.parse(
            arguments: ["tsunagu", "demo", "--port", "18080", "--host=0.0.0.0"],
            environment: ["PORT": "8080", "HOST": "127.0.0.1"])
        #expect(plan.options.command == .demo)
        #expect(plan.configuration.port == 18080 && plan.configuration.host == "0.0.0.0")
        #expect(plan.vaporArguments == ["tsunagu", "serve"])
        let banner = Launcher.demoBanner(DemoSeeder.Result(created: true, logins: []), plan.configuration)
        #expect(banner.contains("Open http://127.0.0.1:18080/ in a browser"))
        let serve = try Launcher.parse(arguments: ["tsunagu", "--hostname", "::1", "--port=9000"], environment: [:])
        #expect(
            serve.options.command == .serve && serve.configuration.host == "::1" && serve.configuration.port == 9000)
    }

    /// `migrate --yes` reaches Fluent's command; `--help` works even when the environment is wrong.
    @Test func migrateAndHelp() throws {
        let migrate = try Launcher.parse(arguments: ["tsunagu", "migrate", "-y"], environment: [:])
        #expect(migrate.vaporArguments == ["tsunagu", "migrate", "--yes"])
        let help = try Launcher.parse(arguments: ["tsunagu", "serve", "--help"], environment: ["PORT": "eighty"])
        #expect(help.options.command == .help)
        #expect(Launcher.usage.contains("--port N") && Launcher.usage.contains("TELEPHONY"))
    }

    /// The exit statuses: 64 for a refused setting, 69 for a port in use, 1 for anything else.
    @Test func exitStatuses() throws {
        let refused = try #require(refusal(["PORT": "eighty"]))
        #expect(LaunchFailure(refused).exitCode == 64 && LaunchFailure(refused).message == refused.description)
        #expect(LaunchFailure(PortInUseError(listener: .web, host: "127.0.0.1", port: 8080)).exitCode == 69)
        #expect(LaunchFailure(CancellationError()).exitCode == 1)
    }

    /// A web port already taken ends in `PortInUseError` naming the port and how to choose another.
    @Test(.timeLimit(.minutes(1))) func webPortInUse() async throws {
        let blocker = try await Application.make(.testing)
        try await blocker.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(blocker.http.server.shared.localAddress?.port)
        let folder = try temporaryFolder()
        let plan = try Launcher.parse(
            arguments: ["tsunagu", "serve"],
            environment: ["HOST": "127.0.0.1", "PORT": String(port), "DATA_DIRECTORY": folder])
        let error = await #expect(throws: PortInUseError.self) {
            try await Launcher.start(plan, environment: Environment(name: "testing", arguments: plan.vaporArguments))
        }
        await blocker.server.shutdown()
        try await blocker.asyncShutdown()
        try? FileManager.default.removeItem(atPath: folder)
        #expect(error?.port == port)
        #expect(
            error?.description
                == "port \(port) is already in use (another tsunagu?): choose another with PORT=… or --port …")
    }

    /// With `TELEPHONY=sip`, a SIP port already taken ends in `PortInUseError` naming `SIP_PORT`.
    @Test(.timeLimit(.minutes(1))) func sipPortInUse() async throws {
        let (socket, port) = try takeUDPPort()
        defer { close(socket) }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try Launcher.parse(
            arguments: ["tsunagu", "serve", "--port", "1"],
            environment: [
                "DATA_DIRECTORY": folder, "TELEPHONY": "sip", "SIP_HOST": "127.0.0.1", "SIP_PORT": String(port),
            ])
        let error = await #expect(throws: PortInUseError.self) {
            try await Launcher.start(plan, environment: Environment(name: "testing", arguments: plan.vaporArguments))
        }
        #expect(error?.listener == .sip && error?.port == port)
        #expect(error?.description.contains("choose another with SIP_PORT=…") == true)
    }

    /// The demo banner names the telephony actually in use: the simulated carrier, or SIP with or without audio.
    @Test func bannerTellsTheTelephony() throws {
        let result = DemoSeeder.Result(created: true, logins: [])
        let simulated = Launcher.demoBanner(result, try ServerConfiguration.fromEnvironment([:]))
        #expect(simulated.contains("Telephony: simulated carrier (no real calls, no audio)"))
        #expect(!simulated.contains("SIP"))
        let sip = try ServerConfiguration.fromEnvironment([
            "TELEPHONY": "sip", "SIP_HOST": "127.0.0.1", "SIP_PORT": "5070", "RTPENGINE_NG": "127.0.0.1:22233",
        ])
        let withAudio = Launcher.demoBanner(result, sip)
        #expect(
            withAudio.contains(
                "Telephony: SIP trunk (user agent on 127.0.0.1:5070; each tenant's trunk on 設定) · audio through "
                    + "rtpengine at 127.0.0.1:22233"))
        #expect(!withAudio.contains("simulated"))
        let silent = Launcher.demoBanner(result, try ServerConfiguration.fromEnvironment(["TELEPHONY": "sip"]))
        #expect(silent.contains("127.0.0.1:5060") && silent.contains("no audio (RTPENGINE_NG not set)"))
    }
}

/// What `tsunagu` refuses for `environment` and `arguments`, or nil when it would start.
private func refusal(
    _ environment: [String: String], arguments: [String] = ["tsunagu", "serve"]
) -> ConfigurationError? {
    do {
        _ = try Launcher.parse(arguments: arguments, environment: environment)
        return nil
    } catch {
        return error
    }
}

/// `environment` is refused with exactly `message`, naming `setting` (by default the first variable).
private func expectRefusal(
    _ environment: [String: String], _ message: String, of setting: String? = nil,
    arguments: [String] = ["tsunagu", "serve"], sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let error = try #require(refusal(environment, arguments: arguments), sourceLocation: sourceLocation)
    #expect(error.description == message, sourceLocation: sourceLocation)
    let named = setting ?? String(message.prefix { $0 != "=" && $0 != " " })
    #expect(error.setting == named, sourceLocation: sourceLocation)
}

private func temporaryFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
}

private func write(_ text: String, to folder: String, _ name: String) throws -> String {
    let path = (folder as NSString).appendingPathComponent(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// A UDP socket on 127.0.0.1 and a port the system chose, held until `close`.
private func takeUDPPort() throws -> (descriptor: Int32, port: Int) {
    #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    #else
        let descriptor = socket(AF_INET, SOCK_DGRAM, 0)
    #endif
    try #require(descriptor >= 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
        }
    }
    try #require(bound)
    return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
}
