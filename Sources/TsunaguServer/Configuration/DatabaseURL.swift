import Foundation
import PostgresKit

/// `DATABASE_URL`: a PostgreSQL server, checked when read so that a typo stops `tsunagu` naming the variable instead
/// of failing at the first query.
package struct DatabaseURL: Sendable, Equatable {
    /// The URL as given, with its password: only ever handed to the driver.
    package let text: String
    /// The URL with its password replaced by `***`, for messages and logs.
    package let redacted: String
    /// The database's name (the URL's path).
    package let databaseName: String

    static let accepts =
        "postgresql://user:password@host:port/database (or postgres://), optionally ?sslmode=disable, prefer or require"

    init(_ text: String, setting: String) throws(ConfigurationError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["postgres", "postgresql"].contains(scheme), let host = components.host, !host.isEmpty,
            components.user?.isEmpty == false
        else {
            throw .invalid(setting, Self.redact(text), accepts: Self.accepts)
        }
        let name = String(components.path.drop { $0 == "/" })
        guard !name.isEmpty, !name.contains("/") else {
            throw .invalid(setting, Self.redact(text), accepts: Self.accepts + " (the database's name is missing)")
        }
        guard components.port.map({ (1...65535).contains($0) }) ?? true else {
            throw .invalid(setting, Self.redact(text), accepts: Self.accepts + " (a port from 1 to 65535)")
        }
        // The driver's own reading (TLS modes among it) has the last word.
        guard (try? SQLPostgresConfiguration(url: text)) != nil else {
            throw .invalid(setting, Self.redact(text), accepts: Self.accepts)
        }
        self.text = text
        self.redacted = Self.redact(text)
        self.databaseName = name
    }

    /// `text` when it is a PostgreSQL URL `DATABASE_URL` would accept (benchmarks and tools).
    package static func parse(_ text: String) -> DatabaseURL? {
        try? DatabaseURL(text, setting: "DATABASE_URL")
    }

    /// The URL with any password replaced by `***`: an operator's log must not carry it.
    static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
