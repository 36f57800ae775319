import Fluent
import Foundation
import NIOConcurrencyHelpers
import Telephony
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// A phone screen for server tests: joins an agent's desk session and keeps every message it receives.
final class DeskProbe: Sendable {
    let id = UUID()
    private let received = NIOLockedValueBox<[String]>([])
    private let nextRequest = NIOLockedValueBox(0)
    let session: AgentDeskSession

    init(_ session: AgentDeskSession, language: Language = .ja) {
        self.session = session
        let received = received
        session.submit(
            .join(
                AgentDeskSession.Client(
                    id: id, language: language,
                    send: { text in
                        received.withLockedValue { $0.append(text) }
                    })))
    }

    var messages: [[String: Any]] {
        received.withLockedValue { $0 }.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func messages(ofType type: String) -> [[String: Any]] {
        messages.filter { $0["type"] as? String == type }
    }

    var notices: [String] { messages(ofType: "notice").compactMap { $0["message"] as? String } }

    /// Sends an action as the browser would (the raw JSON goes through the same parser) and waits for its answer.
    @discardableResult
    func sendJSON(_ json: String) async throws -> [String: Any] {
        let id = nextRequest.withLockedValue {
            $0 += 1; return $0
        }
        let text = json.replacingOccurrences(of: "{", with: "{\"id\":\(id),", options: [], range: json.range(of: "{"))
        let (requestID, parsed) = DeskProtocol.parse(text)
        switch parsed {
        case .success(let command): session.submit(.command(command, requestID: requestID, client: self.id))
        case .failure(let error): session.submit(.rejected(error, requestID: requestID, client: self.id))
        }
        return try await eventually("an answer to \(json)") {
            self.messages(ofType: "ack").first { $0["id"] as? Int == id }
        }
    }

    @discardableResult
    func send(_ type: String, row: UUID? = nil, value: Bool? = nil, text: String? = nil) async throws -> [String: Any] {
        var fields = ["\"type\":\"\(type)\""]
        if let row { fields.append("\"row\":\"\(row.uuidString)\"") }
        if let value { fields.append("\"value\":\(value)") }
        if let text {
            let encoded = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
            fields.append("\"text\":\(encoded)")
        }
        return try await sendJSON("{" + fields.joined(separator: ",") + "}")
    }
}

/// Waits (up to `seconds`) until `condition` gives a value.
@discardableResult
func eventually<T>(_ what: String, seconds: Double = 10, _ condition: () async throws -> T?) async throws -> T {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if let value = try await condition() { return value }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("timed out waiting for \(what)")
    throw CancellationError()
}

/// A tenant whose agent has a list of customers handed to them, on the simulated carrier at high speed.
struct DeskFixture {
    var scope: TenantScope
    var agentID: UUID
    var otherAgentID: UUID
    var listID: UUID
    var customerIDs: [UUID]
    var tenants: TwoTenants

    /// Customers 03-0000-<first>… : by the standard rules, the last digit decides the outcome.
    static func make(_ app: Application, rows: Int, first: Int = 0, timeScale: Double = 200) async throws -> DeskFixture
    {
        app.useTelephony(SimulatedCarrier(clock: ContinuousClock(), timeScale: timeScale))
        let tenants = try await TwoTenants.create(on: app.db)
        let scope = TenantScope(tenantID: tenants.a, database: app.db)
        let agent = try #require(try await scope.query(User.self).filter(\.$loginID == "agent").first())
        agent.phoneExtension = "302"
        try await scope.update(agent)
        let other = User(
            tenantID: tenants.a, loginID: "agent2", name: "架電二郎", phoneExtension: "303", role: .agent, passwordHash: "x"
        )
        try await scope.create(other)
        let summary = try await CustomerImporter(scope: scope).importCustomers(
            CustomerImporterTests.drafts(rows, startingAt: first), registeredOn: "2026-11-25")
        let listID = try await CallListBuilder(scope: scope).create(
            name: "架電リスト", customerIDs: summary.customerIDs, createdBy: nil)
        try await ListDistributor(scope: scope).distribute(
            listID: listID, mode: .evenSplit, agentIDs: [try agent.requireID()])
        return DeskFixture(
            scope: scope, agentID: try agent.requireID(), otherAgentID: try other.requireID(), listID: listID,
            customerIDs: summary.customerIDs, tenants: tenants)
    }

    func session(_ app: Application) async throws -> AgentDeskSession {
        try await app.deskRegistry.session(tenantID: scope.tenantID, userID: agentID)
    }
}
