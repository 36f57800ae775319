import FluentKit
import Foundation
import TsunaguCore

/// Writes 通話一覧: one call attempt per dial, filled in as the call rings, is answered and ends.
struct CallRecorder: Sendable {
    let scope: TenantScope
    let userID: UUID

    /// Records a dial before the call is placed. A dial-pad call is linked to the customer with that number.
    func begin(attemptID: UUID, row: AgentDeskRow?, number: String, extension phoneExtension: String, at date: Date) async throws {
        var listID: UUID?
        var customerID = row?.customerID
        if let row, let workRow = try await scope.query(AgentWorkRow.self).filter(\.$id == row.id).first() {
            listID = try await scope.query(CallListEntry.self).filter(\.$id == workRow.entryID).first()?.callListID
        } else if row == nil {
            customerID = try await scope.query(Customer.self).filter(\.$phoneE164 == number).sort(\.$createdAt).first()?.id
        }
        let attempt = CallAttempt(
            id: attemptID, tenantID: scope.tenantID, userID: userID, phoneExtension: phoneExtension, callListID: listID,
            customerID: customerID, workRowID: row?.id, number: number, startedAt: date)
        if let row {
            attempt.memo = row.memo
            attempt.prospect = row.prospect
            attempt.callback = row.callback
        }
        try await scope.create(attempt)
    }

    func answered(attemptID: UUID, at date: Date) async throws {
        try await scope.query(CallAttempt.self).filter(\.$id == attemptID).filter(\.$answeredAt == nil)
            .set(\.$answeredAt, to: date).update()
    }

    /// - Parameter signallingCode: the SIP final status code when the call went through a SIP trunk.
    func ended(attemptID: UUID, result: CallResult, signallingCode: Int? = nil, at date: Date) async throws {
        try await scope.query(CallAttempt.self).filter(\.$id == attemptID)
            .set(\.$endedAt, to: date).set(\.$result, to: result).set(\.$sipStatus, to: signallingCode).update()
    }

    /// Calls left open by a server that stopped mid-call: they ended when it stopped, and their outcome is unknown.
    static func closeInterrupted(on database: any Database, at date: Date) async throws -> Int {
        let open = try await CallAttempt.query(on: database).filter(\.$endedAt == nil).all()
        for attempt in open {
            attempt.endedAt = date
            if attempt.result == nil { attempt.result = attempt.answeredAt == nil ? .unanswered(.failed) : .answered }
            try await attempt.update(on: database)
        }
        return open.count
    }
}
