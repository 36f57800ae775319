import Foundation
import Mail

extension ServerConfiguration {
    /// Reads every variable `tsunagu --help` lists into typed values; the first one that is not accepted is thrown,
    /// naming the variable and what it accepts. An empty value is the same as an unset one.
    static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> Self {
        let reader = EnvironmentReader(environment: environment)
        var configuration = ServerConfiguration()
        if let host = try reader.host("HOST") { configuration.host = host }
        if let port = try reader.port("PORT") { configuration.port = port }
        if let data = reader.string("DATA_DIRECTORY") {
            configuration.dataDirectory = data
            configuration.databasePath = (data as NSString).appendingPathComponent("tsunagu.sqlite")
        }
        if let path = reader.string("DATABASE_PATH") { configuration.databasePath = path }
        if let url = reader.string("DATABASE_URL") {
            if reader.string("DATABASE_PATH") != nil {
                throw .conflicts(
                    "DATABASE_URL", with: "DATABASE_PATH",
                    because: "DATABASE_URL names a PostgreSQL database and DATABASE_PATH a SQLite file; unset one")
            }
            configuration.databaseURL = try DatabaseURL(url, setting: "DATABASE_URL")
        }
        if let telephony = try reader.choice("TELEPHONY", of: TelephonyKind.self) {
            configuration.telephony = telephony
        }
        try configuration.readTelephony(reader)
        try configuration.readMail(reader)
        try configuration.readTLS(reader)
        if let megabytes = try reader.integer(
            "UPLOAD_LIMIT_MB", in: 1...2048, accepts: "whole megabytes from 1 to 2048")
        {
            configuration.uploadLimitBytes = megabytes * 1024 * 1024
        }
        if let trust = try reader.boolean("TRUST_PROXY") { configuration.trustProxy = trust }
        if let migrate = try reader.boolean("AUTO_MIGRATE") { configuration.autoMigrate = migrate }
        if let level = reader.string("LOG_LEVEL"), !Self.logLevels.contains(level.lowercased()) {
            throw .invalid("LOG_LEVEL", level, accepts: SettingValue.list(Self.logLevels))
        }
        return configuration
    }

    /// The levels Vapor accepts in `LOG_LEVEL` (swift-log's `Logger.Level`).
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// `SIP_*` and `RTPENGINE_NG` with `TELEPHONY=sip`; refused otherwise, as they would do nothing.
    /// `SIMULATED_TIME_SCALE` only with the simulated carrier, for the same reason.
    private mutating func readTelephony(_ reader: EnvironmentReader) throws(ConfigurationError) {
        let sipOnly = ["SIP_HOST", "SIP_PORT", "SIP_ADVERTISED_HOST", "RTPENGINE_NG"]
        switch telephony {
        case .simulated:
            if let name = sipOnly.first(where: { reader.string($0) != nil }) {
                throw .needs(
                    name, "TELEPHONY=sip",
                    because: "\(name) is used only with TELEPHONY=sip (TELEPHONY is simulated); "
                        + "set TELEPHONY=sip or unset \(name)")
            }
            let accepts = "a number greater than 0 and at most 10000"
            if let text = reader.string("SIMULATED_TIME_SCALE") {
                guard let scale = Double(text), scale > 0, scale <= 10_000 else {
                    throw .invalid("SIMULATED_TIME_SCALE", text, accepts: accepts)
                }
                simulatedTimeScale = scale
            }
        case .sip:
            if reader.string("SIMULATED_TIME_SCALE") != nil {
                throw .needs(
                    "SIMULATED_TIME_SCALE", "TELEPHONY=simulated",
                    because: "SIMULATED_TIME_SCALE is used only by the simulated carrier (TELEPHONY is sip); unset it")
            }
            if let host = try reader.host("SIP_HOST") { sipHost = host }
            if let port = try reader.port("SIP_PORT", in: 0...65535) { sipPort = port }
            if let host = try reader.host("SIP_ADVERTISED_HOST") { sipAdvertisedHost = host }
            if let address = reader.string("RTPENGINE_NG") {
                let accepts = "host:port (port 1-65535) or a host alone (port 22222), e.g. 127.0.0.1:22222"
                guard let parsed = SettingValue.hostAndPort(address, defaultPort: rtpenginePort) else {
                    throw .invalid("RTPENGINE_NG", address, accepts: accepts)
                }
                rtpengineHost = parsed.host
                rtpenginePort = parsed.port
            }
        }
    }

    /// `SMTP_*`: the other SMTP variables are refused without `SMTP_HOST`, as they would do nothing.
    private mutating func readMail(_ reader: EnvironmentReader) throws(ConfigurationError) {
        if let from = reader.string("SMTP_FROM") {
            guard from.contains("@"), !from.contains(where: \.isWhitespace) else {
                throw .invalid("SMTP_FROM", from, accepts: "a mail address such as noreply@example.jp")
            }
            mailFrom = from
        }
        guard let host = try reader.host("SMTP_HOST") else {
            let smtpOnly = ["SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_STARTTLS"]
            if let name = smtpOnly.first(where: { reader.string($0) != nil }) {
                throw .needs(
                    name, "SMTP_HOST",
                    because: "\(name) is used only with SMTP_HOST (the mail server); set SMTP_HOST or unset \(name)")
            }
            return
        }
        smtp = SMTPConfiguration(
            host: host, port: try reader.port("SMTP_PORT") ?? 587,
            security: try reader.choice("SMTP_STARTTLS", of: SMTPConfiguration.Security.self) ?? .startTLSWhenOffered,
            username: reader.string("SMTP_USER"), password: reader.environment["SMTP_PASSWORD"])
    }

    /// `TLS_CERT` and `TLS_KEY`: both or neither, each a readable PEM file.
    private mutating func readTLS(_ reader: EnvironmentReader) throws(ConfigurationError) {
        let certificate = reader.string("TLS_CERT")
        let key = reader.string("TLS_KEY")
        let reason =
            "TLS_CERT (a PEM certificate chain) and TLS_KEY (its PEM private key) are set together or not at all"
        switch (certificate, key) {
        case (nil, nil):
            return
        case (.some, nil):
            throw .needs("TLS_CERT", "TLS_KEY", because: reason)
        case (nil, .some):
            throw .needs("TLS_KEY", "TLS_CERT", because: reason)
        case (.some(let certificate), .some(let key)):
            try SettingValue.checkPEM(
                "TLS_CERT", path: certificate, marker: "CERTIFICATE", accepts: "a readable PEM certificate chain file")
            try SettingValue.checkPEM(
                "TLS_KEY", path: key, marker: "PRIVATE KEY", accepts: "a readable PEM private key file")
            tlsCertificatePath = certificate
            tlsKeyPath = key
        }
    }
}

/// The environment, read one typed variable at a time.
struct EnvironmentReader {
    let environment: [String: String]

    /// The value, nil when unset or empty.
    func string(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    func host(_ name: String) throws(ConfigurationError) -> String? {
        guard let text = string(name) else { return nil }
        return try SettingValue.host(text, setting: name)
    }

    func port(_ name: String, in range: ClosedRange<Int> = 1...65535) throws(ConfigurationError) -> Int? {
        guard let text = string(name) else { return nil }
        return try SettingValue.port(text, setting: name, in: range)
    }

    func integer(_ name: String, in range: ClosedRange<Int>, accepts: String) throws(ConfigurationError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else { throw .invalid(name, text, accepts: accepts) }
        return value
    }

    /// true/false, 1/0, yes/no in any case; nothing else.
    func boolean(_ name: String) throws(ConfigurationError) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .invalid(name, text, accepts: "true, false, 1, 0, yes or no")
        }
    }

    /// One of the enum's raw values, in any case.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, of type: Choice.Type
    ) throws(ConfigurationError) -> Choice? where Choice.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = Choice(rawValue: text.lowercased()) else {
            let names = Choice.allCases.map(\.rawValue)
            throw .invalid(name, text, accepts: SettingValue.list(names))
        }
        return value
    }
}

/// Checks shared by the environment and the command line's flags.
enum SettingValue {
    /// "a, b or c", for the accepted values of a message.
    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }

    static func port(
        _ text: String, setting: String, in range: ClosedRange<Int> = 1...65535
    ) throws(ConfigurationError) -> Int {
        guard let port = Int(text), range.contains(port) else {
            throw .invalid(
                setting, text,
                accepts: "an integer from \(range.lowerBound) to \(range.upperBound)"
                    + (range.lowerBound == 0 ? " (0: any free port)" : ""))
        }
        return port
    }

    /// A name or an address to bind or connect to: not empty, no spaces or slashes, no `:port` (an IPv6 address has
    /// two colons or more).
    static func host(_ text: String, setting: String) throws(ConfigurationError) -> String {
        let colons = text.count(where: { $0 == ":" })
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "/" }), colons != 1 else {
            throw .invalid(
                setting, text, accepts: "an address or host name without a port, e.g. 127.0.0.1, 0.0.0.0 or ::1")
        }
        return text
    }

    /// `host:port`, `[v6]:port` or a host alone (then `defaultPort`); nil when malformed.
    static func hostAndPort(_ text: String, defaultPort: Int) -> (host: String, port: Int)? {
        var host = Substring(text)
        var port = defaultPort
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let number = Int(rest.dropFirst()) else { return nil }
                port = number
            }
        } else if let colon = text.firstIndex(of: ":") {
            guard let number = Int(text[text.index(after: colon)...]) else { return nil }
            host = text[..<colon]
            port = number
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }), (1...65535).contains(port) else {
            return nil
        }
        return (host: String(host), port: port)
    }

    /// The file at `path` can be read and holds a PEM block whose label contains `marker`.
    static func checkPEM(
        _ setting: String, path: String, marker: String, accepts: String
    ) throws(ConfigurationError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(setting, path: path, accepts: accepts, reason: "no such file")
        }
        guard !isFolder.boolValue else {
            throw .unreadable(setting, path: path, accepts: accepts, reason: "it is a folder")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(setting, path: path, accepts: accepts, reason: "not readable by this user")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("-----BEGIN "), text.contains(marker) else {
            throw .unreadable(setting, path: path, accepts: accepts, reason: "no PEM \(marker.lowercased()) in it")
        }
    }
}
