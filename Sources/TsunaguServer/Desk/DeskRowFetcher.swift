import FluentKit
import Foundation
import TsunaguCore

/// ダウンロード on the server: claims waiting rows for the agent and puts them on the screen after the rows already
/// there, in one transaction, so a row is never half-claimed.
struct DeskRowFetcher: Sendable {
    let scope: TenantScope
    let userID: UUID

    struct Fetched: Sendable {
        var rows: [AgentDeskRow]
        var moreAvailable: Bool
    }

    func fetch(limit: Int) async throws -> Fetched {
        let userID = userID
        return try await scope.transaction { scope in
            let claimer = RowClaimer(scope: scope)
            let entryIDs = try await claimer.claim(for: userID, limit: limit)
            let moreAvailable = try await claimer.hasWaiting(for: userID)
            guard !entryIDs.isEmpty else { return Fetched(rows: [], moreAvailable: moreAvailable) }
            var entries: [UUID: CallListEntry] = [:]
            var customers: [UUID: Customer] = [:]
            var earlier: [UUID: CallAttempt] = [:]
            for chunk in entryIDs.chunks(of: 500) {
                for entry in try await scope.query(CallListEntry.self).filter(\.$id ~~ Array(chunk)).all() {
                    entries[entry.id!] = entry
                }
            }
            let customerIDs = Array(Set(entries.values.map(\.customerID)))
            for chunk in customerIDs.chunks(of: 500) {
                for customer in try await scope.query(Customer.self).filter(\.$id ~~ Array(chunk)).all() {
                    customers[customer.id!] = customer
                }
                let attempts = try await scope.query(CallAttempt.self).filter(\.$customerID ~~ Array(chunk).map(Optional.some))
                    .filter(\.$result != nil).sort(\.$startedAt).all()
                for attempt in attempts { if let customer = attempt.customerID { earlier[customer] = attempt } }
            }
            let lastPosition = try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).max(\.$position) ?? -1
            var rows: [AgentDeskRow] = []
            for (offset, entryID) in entryIDs.enumerated() {
                guard let entry = entries[entryID], let customer = customers[entry.customerID] else { continue }
                // Rows arrive with their earlier result shown; the next call overwrites it.
                let previous = earlier[entry.customerID]
                let row = AgentDeskRow(
                    id: UUID(), customerID: customer.id, company: customer.company, contactName: customer.contactName,
                    phone: customer.phone, dialNumber: customer.phoneE164, done: false, result: previous?.result,
                    prospect: customer.finalStatus == .prospect, callback: customer.finalStatus == .callback,
                    memo: previous?.memo ?? "", calledAt: previous?.startedAt, lastDialedAnywhereAt: previous?.startedAt)
                try await scope.create(
                    AgentWorkRow(tenantID: scope.tenantID, userID: userID, entryID: entryID, position: lastPosition + 1 + offset, row: row))
                rows.append(row)
            }
            return Fetched(rows: rows, moreAvailable: moreAvailable)
        }
    }

    /// Rows the desk could not take go back where they came from.
    func giveBack(rows: [UUID]) async throws {
        let userID = userID
        try await scope.transaction { scope in
            let workRows = try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).filter(\.$id ~~ rows).all()
            try await RowClaimer(scope: scope).release(workRows.map(\.entryID))
            try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).filter(\.$id ~~ rows).delete()
        }
    }
}
