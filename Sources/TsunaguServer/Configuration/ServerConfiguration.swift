import Foundation
import Mail

/// Start-up settings, read once from the environment at the edge (`fromEnvironment`, `tsunagu --help` lists them).
package struct ServerConfiguration: Sendable {
    /// Address to listen on (`HOST`). Loopback by default: exposing the server is a deliberate choice.
    var host = "127.0.0.1"
    /// Port to listen on (`PORT`).
    var port = 8080
    /// SQLite file (`DATABASE_PATH`); its folder is created when missing.
    package var databasePath = "data/tsunagu.sqlite"
    /// A PostgreSQL server instead of the SQLite file (`DATABASE_URL`, `postgresql://user:password@host:port/name`),
    /// for several instances on one database.
    package var databaseURL: DatabaseURL?
    /// Folder for files the server writes (mail outbox, uploads) (`DATA_DIRECTORY`).
    package var dataDirectory = "data"
    /// The simulated carrier or real calls over SIP (`TELEPHONY`).
    var telephony = TelephonyKind.simulated
    /// The SIP user agent's address and port (`SIP_HOST`, `SIP_PORT`) with `TELEPHONY=sip`.
    var sipHost = "127.0.0.1"
    var sipPort = 5060
    /// The address written in Via and Contact when the trunk must reach us at another one (`SIP_ADVERTISED_HOST`).
    var sipAdvertisedHost: String?
    /// rtpengine's ng control address (`RTPENGINE_NG`, host:port) with `TELEPHONY=sip`: agents then hear the call in
    /// the browser (WebRTC), bridged by rtpengine to the trunk's RTP. Without it calls carry no audio.
    var rtpengineHost: String?
    var rtpenginePort = 22222
    /// Run pending migrations when serving (`AUTO_MIGRATE`, default on).
    var autoMigrate = true
    /// SMTP server for outgoing mail (`SMTP_HOST`, `SMTP_PORT`, `SMTP_USER`, `SMTP_PASSWORD`, `SMTP_STARTTLS`);
    /// nil: mail goes to the log and to `data/outbox`.
    var smtp: SMTPConfiguration?
    /// The sender of outgoing mail (`SMTP_FROM`).
    var mailFrom = "noreply@tsunagu.localhost"
    /// Serve over TLS with this certificate chain and key (`TLS_CERT`, `TLS_KEY`); cookies are then Secure.
    var tlsCertificatePath: String?
    var tlsKeyPath: String?

    /// The folder where mails are kept when no SMTP server is configured.
    var outboxDirectory: String { (dataDirectory as NSString).appendingPathComponent("outbox") }

    /// The largest customer file accepted for import (`UPLOAD_LIMIT_MB`, default 50).
    var uploadLimitBytes = 50 * 1024 * 1024

    /// Where uploaded files wait between preview and confirmation.
    var uploadDirectory: String { (dataDirectory as NSString).appendingPathComponent("uploads") }

    /// A reverse proxy in front sets `X-Forwarded-For` (`TRUST_PROXY`); off, the header is ignored.
    var trustProxy = false

    /// The simulated carrier's clock runs this many times faster than real time (`SIMULATED_TIME_SCALE`, demos
    /// and tests).
    var simulatedTimeScale: Double = 1

    var servesTLS: Bool { tlsCertificatePath != nil && tlsKeyPath != nil }

    package init() {}

    /// What `tsunagu --help` prints about the environment.
    static let environmentHelp = """
        Environment (read once at start-up; an empty value is the same as unset; a value that is not accepted stops
        tsunagu with a message naming the variable, exit status 64):
          HOST            address to listen on (default 127.0.0.1; 0.0.0.0 for every interface); --host wins
          PORT            port to listen on, 1-65535 (default 8080); --port wins
          DATABASE_PATH   SQLite database file (default data/tsunagu.sqlite)
          DATABASE_URL    PostgreSQL instead of SQLite: postgresql://user:password@host:port/database
                          (?sslmode=disable|prefer|require); not with DATABASE_PATH
          DATA_DIRECTORY  folder for the database, mail outbox and uploads (default data)
          TELEPHONY       simulated | sip (default simulated, any case); sip: each tenant's trunk is set on 設定
          SIP_HOST, SIP_PORT  address and port of the SIP user agent (default 127.0.0.1, 5060; 0: any free port)
          SIP_ADVERTISED_HOST address written in Via/Contact when the trunk reaches us at another one
          RTPENGINE_NG    rtpengine's ng address, host:port (e.g. 127.0.0.1:22222): agents hear calls in the browser
                          (SIP_* and RTPENGINE_NG are refused without TELEPHONY=sip: they would do nothing)
          SIMULATED_TIME_SCALE  the simulated carrier runs this many times faster, >0 to 10000 (default 1)
          AUTO_MIGRATE    run pending migrations on start (default true)
          SMTP_HOST       mail server; without it mail goes to the log and DATA_DIRECTORY/outbox
          SMTP_PORT       1-65535 (default 587)  SMTP_USER, SMTP_PASSWORD  SMTP_FROM (sender address)
          SMTP_STARTTLS   auto (default: when offered; never sends a password in clear) | always | never
                          (SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_STARTTLS are refused without SMTP_HOST)
          TLS_CERT, TLS_KEY  serve HTTPS with this PEM certificate chain and key (both, readable)
          UPLOAD_LIMIT_MB largest customer CSV accepted for import, 1-2048 (default 50)
          TRUST_PROXY     true behind a reverse proxy: client addresses come from X-Forwarded-For (default false)
          LOG_LEVEL       trace | debug | info | notice | warning | error | critical (default info)
        Booleans (AUTO_MIGRATE, TRUST_PROXY) accept true/false, 1/0, yes/no.
        """
}
