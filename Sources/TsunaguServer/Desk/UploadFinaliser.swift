import FluentKit
import Foundation
import TsunaguCore

/// アップロード on the server: reports each row's final status (再架電 > 見込み > 応答/不応答) to its list entry and
/// customer, sends uncalled rows back where they came from, and clears the screen, in one transaction. Rows already
/// finalised are simply not there any more, so repeating an upload is harmless.
struct UploadFinaliser: Sendable {
    let scope: TenantScope
    let userID: UUID

    struct Summary: Sendable, Equatable {
        var reported: Int
        var returned: Int
    }

    func finalise(rows rowIDs: [UUID], at date: Date) async throws -> Summary {
        let userID = userID
        return try await scope.transaction { scope in
            var summary = Summary(reported: 0, returned: 0)
            var uncalled: [UUID] = []
            for chunk in rowIDs.chunks(of: 500) {
                let workRows = try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).filter(
                    \.$id ~~ Array(chunk)
                ).all()
                let dialed = Set(
                    try await scope.query(CallAttempt.self).filter(\.$workRowID ~~ workRows.map(\.id)).all().compactMap(
                        \.workRowID))
                for workRow in workRows {
                    let row = workRow.deskRow
                    if let customer = try await scope.find(Customer.self, id: workRow.customerID),
                        customer.contactName != row.contactName || dialed.contains(row.id)
                    {
                        customer.contactName = row.contactName
                        if dialed.contains(row.id) { customer.finalStatus = row.finalStatus }
                        try await scope.update(customer)
                    }
                    if dialed.contains(row.id) {
                        try await scope.query(CallListEntry.self).filter(\.$id == workRow.entryID)
                            .set(\.$state, to: .reported).set(\.$finalStatus, to: row.finalStatus).set(
                                \.$reportedAt, to: date
                            )
                            .set(\.$assignedUserID, to: userID).update()
                        summary.reported += 1
                    } else {
                        uncalled.append(workRow.entryID)
                        summary.returned += 1
                    }
                }
                try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).filter(\.$id ~~ Array(chunk))
                    .delete()
            }
            try await RowClaimer(scope: scope).release(uncalled)
            let remaining = try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).count()
            if remaining == 0 {
                try await DeskStore.save(
                    DeskStore.Position(
                        cursor: 0, autoFetchActive: false, lastCallNumber: try await lastCallNumber(scope)),
                    userID: userID, in: scope)
            }
            return summary
        }
    }

    private func lastCallNumber(_ scope: TenantScope) async throws -> UInt64 {
        let record = try await scope.query(AgentDeskRecord.self).filter(\.$userID == userID).first()
        return UInt64(max(0, record?.lastCallNumber ?? 0))
    }
}
