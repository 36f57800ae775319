import Foundation
import Mail

/// Start-up settings, read once from the environment at the edge (`tsunagu --help` lists them).
public struct ServerConfiguration: Sendable {
    /// Address to listen on (`HOST`). Loopback by default: exposing the server is a deliberate choice.
    public var host = "127.0.0.1"
    /// Port to listen on (`PORT`).
    public var port = 8080
    /// SQLite file (`DATABASE_PATH`); its folder is created when missing.
    public var databasePath = "data/tsunagu.sqlite"
    /// Folder for files the server writes (mail outbox, uploads) (`DATA_DIRECTORY`).
    public var dataDirectory = "data"
    /// `simulated` or `sip` (`TELEPHONY`).
    public var telephony = "simulated"
    /// The SIP user agent's address and port (`SIP_HOST`, `SIP_PORT`) with `TELEPHONY=sip`.
    public var sipHost = "127.0.0.1"
    public var sipPort = 5060
    /// The address written in Via and Contact when the trunk must reach us at another one (`SIP_ADVERTISED_HOST`).
    public var sipAdvertisedHost: String?
    /// rtpengine's ng control address (`RTPENGINE_NG`, host:port) with `TELEPHONY=sip`: agents then hear the call in
    /// the browser (WebRTC), bridged by rtpengine to the trunk's RTP. Without it calls carry no audio.
    public var rtpengineHost: String?
    public var rtpenginePort = 22222
    /// Run pending migrations when serving (`AUTO_MIGRATE`, default on).
    public var autoMigrate = true
    /// SMTP server for outgoing mail (`SMTP_HOST`, `SMTP_PORT`, `SMTP_USER`, `SMTP_PASSWORD`, `SMTP_STARTTLS`);
    /// nil: mail goes to the log and to `data/outbox`.
    public var smtp: SMTPConfiguration?
    /// The sender of outgoing mail (`SMTP_FROM`).
    public var mailFrom = "noreply@tsunagu.localhost"
    /// Serve over TLS with this certificate chain and key (`TLS_CERT`, `TLS_KEY`); cookies are then Secure.
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?

    /// The folder where mails are kept when no SMTP server is configured.
    public var outboxDirectory: String { (dataDirectory as NSString).appendingPathComponent("outbox") }

    /// The largest customer file accepted for import (`UPLOAD_LIMIT_MB`, default 50).
    public var uploadLimitBytes = 50 * 1024 * 1024

    /// Where uploaded files wait between preview and confirmation.
    public var uploadDirectory: String { (dataDirectory as NSString).appendingPathComponent("uploads") }

    /// A reverse proxy in front sets `X-Forwarded-For` (`TRUST_PROXY`); off, the header is ignored.
    public var trustProxy = false

    /// The simulated carrier's clock runs this many times faster than real time (`SIMULATED_TIME_SCALE`, demos
    /// and tests).
    public var simulatedTimeScale: Double = 1

    public var servesTLS: Bool { tlsCertificatePath != nil && tlsKeyPath != nil }

    public init() {}

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self {
        var configuration = ServerConfiguration()
        if let host = environment["HOST"], !host.isEmpty { configuration.host = host }
        if let port = environment["PORT"].flatMap(Int.init), (1...65535).contains(port) { configuration.port = port }
        if let data = environment["DATA_DIRECTORY"], !data.isEmpty {
            configuration.dataDirectory = data
            configuration.databasePath = (data as NSString).appendingPathComponent("tsunagu.sqlite")
        }
        if let path = environment["DATABASE_PATH"], !path.isEmpty { configuration.databasePath = path }
        if let telephony = environment["TELEPHONY"], !telephony.isEmpty { configuration.telephony = telephony }
        if let host = environment["SIP_HOST"], !host.isEmpty { configuration.sipHost = host }
        if let port = environment["SIP_PORT"].flatMap(Int.init), (0...65535).contains(port) {
            configuration.sipPort = port
        }
        if let host = environment["SIP_ADVERTISED_HOST"], !host.isEmpty { configuration.sipAdvertisedHost = host }
        if let address = environment["RTPENGINE_NG"], !address.isEmpty {
            let parts = address.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port), !parts[0].isEmpty {
                configuration.rtpengineHost = String(parts[0])
                configuration.rtpenginePort = port
            } else if parts.count == 1 {
                configuration.rtpengineHost = address
            }
        }
        if let host = environment["SMTP_HOST"], !host.isEmpty {
            let port = environment["SMTP_PORT"].flatMap(Int.init).flatMap { (1...65535).contains($0) ? $0 : nil } ?? 587
            let security = environment["SMTP_STARTTLS"].flatMap {
                SMTPConfiguration.Security(rawValue: $0.lowercased())
            }
            configuration.smtp = SMTPConfiguration(
                host: host, port: port, security: security ?? .startTLSWhenOffered,
                username: environment["SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 },
                password: environment["SMTP_PASSWORD"])
        }
        if let from = environment["SMTP_FROM"], !from.isEmpty { configuration.mailFrom = from }
        if let certificate = environment["TLS_CERT"], !certificate.isEmpty {
            configuration.tlsCertificatePath = certificate
        }
        if let key = environment["TLS_KEY"], !key.isEmpty { configuration.tlsKeyPath = key }
        if let megabytes = environment["UPLOAD_LIMIT_MB"].flatMap(Int.init), (1...2048).contains(megabytes) {
            configuration.uploadLimitBytes = megabytes * 1024 * 1024
        }
        if let flag = environment["TRUST_PROXY"] {
            configuration.trustProxy = ["1", "true", "yes"].contains(flag.lowercased())
        }
        if let scale = environment["SIMULATED_TIME_SCALE"].flatMap(Double.init), scale > 0, scale <= 10_000 {
            configuration.simulatedTimeScale = scale
        }
        if let flag = environment["AUTO_MIGRATE"] {
            configuration.autoMigrate = !["0", "false", "no"].contains(flag.lowercased())
        }
        return configuration
    }

    /// What `tsunagu --help` prints about the environment.
    public static let environmentHelp = """
        Environment (read once at start-up):
          HOST            address to listen on (default 127.0.0.1)
          PORT            port to listen on (default 8080)
          DATABASE_PATH   SQLite database file (default data/tsunagu.sqlite)
          DATA_DIRECTORY  folder for the database, mail outbox and uploads (default data)
          TELEPHONY       simulated | sip (default simulated); sip: each tenant's trunk is set on 設定
          SIP_HOST, SIP_PORT  address and port of the SIP user agent (default 127.0.0.1, 5060)
          SIP_ADVERTISED_HOST address written in Via/Contact when the trunk reaches us at another one
          RTPENGINE_NG    rtpengine's ng address (e.g. 127.0.0.1:22222): agents hear calls in the browser
          SIMULATED_TIME_SCALE  the simulated carrier runs this many times faster (default 1)
          AUTO_MIGRATE    run pending migrations on start (default true)
          SMTP_HOST       mail server; without it mail goes to the log and DATA_DIRECTORY/outbox
          SMTP_PORT       (default 587)  SMTP_USER, SMTP_PASSWORD  SMTP_FROM (sender address)
          SMTP_STARTTLS   auto (default: when offered; never sends a password in clear) | always | never
          TLS_CERT, TLS_KEY  serve HTTPS with this PEM certificate chain and key
          UPLOAD_LIMIT_MB largest customer CSV accepted for import (default 50)
          TRUST_PROXY     true behind a reverse proxy: client addresses come from X-Forwarded-For
        """
}
