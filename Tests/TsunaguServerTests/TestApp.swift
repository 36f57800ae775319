import Fluent
import Foundation
import Mail
import NIOConcurrencyHelpers
import Testing
import TsunaguCore
import Vapor
import VaporTesting

@testable import TsunaguServer

/// Runs `body` against a fresh server on its own real database, migrated, and removes the database afterwards: a
/// SQLite file, or a PostgreSQL database of its own when the tests run on PostgreSQL (`TestDatabase`).
/// `prepare` runs on the application before it is configured.
func withTestApp(
    configure: (inout ServerConfiguration) -> Void = { _ in }, prepare: (Application) -> Void = { _ in },
    _ body: (Application, TestClient) async throws -> Void
) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-test-\(UUID().uuidString)")
    var configuration = ServerConfiguration()
    configuration.dataDirectory = folder.path
    configuration.databasePath = folder.appendingPathComponent("test.sqlite").path
    if TestDatabase.isPostgres { await TestDatabase.slots.take() }
    defer { if TestDatabase.isPostgres { Task { await TestDatabase.slots.give() } } }
    configuration.databaseURL = try await TestDatabase.create()
    configure(&configuration)
    let app = try await Application.make(.testing)
    prepare(app)
    do {
        try await app.configureTsunagu(configuration)
        try await app.autoMigrate()
        try await app.startInstance()
        try await body(app, TestClient(app: app))
    } catch {
        try? await app.asyncShutdown()
        await TestDatabase.drop(configuration.databaseURL)
        try? FileManager.default.removeItem(at: folder)
        throw error
    }
    try await app.asyncShutdown()
    await TestDatabase.drop(configuration.databaseURL)
    try? FileManager.default.removeItem(at: folder)
}

/// A browser-like client: keeps its cookies between requests.
final class TestClient: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    /// The CSRF token of the last page seen; sent with every form post, as a browser would.
    private(set) var csrf: String?

    init(app: Application) {
        self.app = app
    }

    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, form: [String: String]? = nil, headers: HTTPHeaders = [:],
        withCSRF: Bool = true
    ) async throws -> TestingHTTPResponse {
        var headers = headers
        var form = form
        if method == .POST, withCSRF {
            if csrf == nil { try await send(.GET, "/login") }
            form = (form ?? [:]).merging(["_csrf": csrf ?? ""]) { current, _ in current }
        }
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        var body = ByteBuffer()
        if let form {
            headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
            let encoded = form.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
            }
            body.writeString(encoded.joined(separator: "&"))
        }
        let response = try await app.testing().performTest(
            request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: body))
        for header in response.headers[.setCookie] {
            guard let pair = header.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            cookies[String(parts[0]).trimmingCharacters(in: .whitespaces)] = String(parts[1])
        }
        let html = response.body.string
        if let range = html.range(of: "<meta name=\"csrf-token\" content=\"") {
            csrf = String(html[range.upperBound...].prefix { $0 != "\"" })
        }
        return response
    }

    func signIn(tenant: String, loginID: String, password: String) async throws -> TestingHTTPResponse {
        try await send(.GET, "/login")
        let response = try await send(
            .POST, "/login", form: ["tenantCode": tenant, "loginID": loginID, "password": password])
        // Like a browser, follow the redirect: the new session's page carries its new CSRF token.
        if response.status == .seeOther, let location = response.headers.first(name: .location) {
            try await send(.GET, location)
        }
        return response
    }

    /// Posts a file as a browser's multipart form does, with the CSRF token in the query like the upload form.
    @discardableResult
    func upload(_ path: String, fileName: String, bytes: [UInt8]) async throws -> TestingHTTPResponse {
        if csrf == nil { try await send(.GET, "/login") }
        let boundary = "----tsunagu\(UUID().uuidString.prefix(8))"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n")
        body.writeString("Content-Type: text/csv\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers: HTTPHeaders = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().performTest(
            request: TestingHTTPRequest(
                method: .POST, url: URI(path: path + "?_csrf=\(csrf ?? "")"), headers: headers, body: body))
        let html = response.body.string
        if let range = html.range(of: "<meta name=\"csrf-token\" content=\"") {
            csrf = String(html[range.upperBound...].prefix { $0 != "\"" })
        }
        return response
    }

    /// A second browser: no cookies shared with this one.
    func newBrowser() -> TestClient { TestClient(app: app) }
}

/// Two tenants with a user and customers each, for isolation tests.
struct TwoTenants {
    static let password = "correct horse battery"

    var a: UUID
    var b: UUID
    var customerOfA: UUID
    var customerOfB: UUID

    /// Tests run at any hour: calls are allowed at every hour unless a test sets a window of its own.
    static var settings: TenantSettings {
        var settings = TenantSettings()
        settings.callingWindow = .always
        return settings
    }

    static func create(on database: any Database) async throws -> TwoTenants {
        let hash = try Bcrypt.hash(password, cost: 4)
        var ids: [UUID] = []
        var customers: [UUID] = []
        for (code, company) in [("alpha", "アルファ株式会社"), ("bravo", "ブラボー株式会社")] {
            let tenant = Tenant(code: code, name: "\(code) center", settings: settings)
            try await tenant.create(on: database)
            let scope = TenantScope(tenantID: try tenant.requireID(), database: database)
            try await scope.create(
                User(
                    tenantID: scope.tenantID, loginID: "agent", name: "\(code) agent",
                    email: "agent@\(code).example.jp",
                    role: .agent, passwordHash: hash))
            try await scope.create(
                User(
                    tenantID: scope.tenantID, loginID: "admin", name: "\(code) admin",
                    email: "admin@\(code).example.jp",
                    role: .admin, passwordHash: hash))
            let drafts = [CustomerDraft(company: company, phone: try PhoneNumber.parse("03-0000-2001").get())]
            let summary = try await CustomerImporter(scope: scope).importCustomers(drafts, registeredOn: "2026-11-25")
            ids.append(scope.tenantID)
            customers.append(summary.insertedIDs[0])
        }
        return TwoTenants(a: ids[0], b: ids[1], customerOfA: customers[0], customerOfB: customers[1])
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = NIOLockedValueBox(Date(timeIntervalSince1970: 1_800_000_000))

    var now: Date { current.withLockedValue { $0 } }

    func advance(_ seconds: TimeInterval) {
        current.withLockedValue { $0 += seconds }
    }

    func install(on app: Application) {
        app.clock = ServerClock(now: { [current] in current.withLockedValue { $0 } })
    }
}

/// Keeps the mails the server sends, for tests that do not need a real SMTP server.
final class CapturingMailer: Mailer {
    private let mails = NIOLockedValueBox<[MailMessage]>([])

    var sent: [MailMessage] { mails.withLockedValue { $0 } }

    func send(_ message: MailMessage) async throws {
        mails.withLockedValue { $0.append(message) }
    }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }
}
