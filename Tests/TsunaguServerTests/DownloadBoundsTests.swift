import Fluent
import Foundation
import SQLKit
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// ダウンロード reads what it takes: it never hands out more rows than asked, takes the agent's own rows and then the
/// pool's in list order, steps over barred rows and rows at their retry limit however many sit at the top of a list,
/// and shows each row's latest result however many calls its customer had.
@Suite struct DownloadBoundsTests {
    /// Own rows (one list split to the agent) and pooled rows (two lists) together: each download gets at most what
    /// it asked for, own rows first, then the pool's lists in the order they were made, each in its own order.
    @Test func downloadNeverHandsOutMoreRowsThanAsked() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DistributionTests.fixture(app, rows: 10, agents: 2)
            let agent = fixture.agents[0]
            try await ListDistributor(scope: fixture.scope).distribute(
                listID: fixture.listID, mode: .evenSplit, agentIDs: [agent])
            let more = try await CustomerImporter(scope: fixture.scope).importCustomers(
                CustomerImporterTests.drafts(12, startingAt: 100), registeredOn: "2024-11-05")
            let firstPool = try await CallListBuilder(scope: fixture.scope).create(
                name: "先のプール", customerIDs: Array(more.customerIDs.prefix(6)), createdBy: nil)
            let secondPool = try await CallListBuilder(scope: fixture.scope).create(
                name: "後のプール", customerIDs: Array(more.customerIDs.suffix(6)), createdBy: nil)
            for list in [secondPool, firstPool] {
                try await ListDistributor(scope: fixture.scope).distribute(
                    listID: list, mode: .sharedPool, agentIDs: [])
            }
            func entries(_ list: UUID) async throws -> [UUID] {
                try await fixture.scope.query(CallListEntry.self).filter(\.$callListID == list).sort(\.$position)
                    .all().compactMap(\.id)
            }
            let own = try await entries(fixture.listID)
            let pooled = try await entries(firstPool) + entries(secondPool)

            let fetcher = DeskRowFetcher(scope: fixture.scope, userID: agent)
            let first = try await fetcher.fetch(limit: 7)
            #expect(first.rows.count == 7 && first.moreAvailable)
            let second = try await fetcher.fetch(limit: 7)
            #expect(second.rows.count == 7 && second.moreAvailable)
            let third = try await fetcher.fetch(limit: 7)
            #expect(third.rows.count == 7 && third.moreAvailable)
            let last = try await fetcher.fetch(limit: 7)
            #expect(last.rows.count == 1 && !last.moreAvailable)
            #expect(try await fetcher.fetch(limit: 7).rows.isEmpty)

            let onScreen = try await fixture.scope.query(AgentWorkRow.self).filter(\.$userID == agent)
                .sort(\.$position).all()
            #expect(onScreen.map(\.entryID) == own + pooled, "own rows first, then the pool's lists in order")
            #expect(Set(onScreen.map(\.position)).count == onScreen.count)
            #expect(try await RowClaimer(scope: fixture.scope).claim(for: fixture.agents[1], limit: 500).isEmpty)
        }
    }

    /// The top of a pooled list is barred rows and rows at their retry limit (上限到達): a download steps over them,
    /// leaves them waiting, and hands out only rows that may be dialled; nothing is handed out twice.
    @Test func downloadSkipsBarredAndLimitReachedRows() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DistributionTests.fixture(app, rows: 30, agents: 2)
            try await ListDistributor(scope: fixture.scope).distribute(
                listID: fixture.listID, mode: .sharedPool, agentIDs: [])
            let entries = try await fixture.scope.query(CallListEntry.self).filter(\.$callListID == fixture.listID)
                .sort(\.$position).all()
            var numbers: [String: UUID] = [:]
            for customer in try await fixture.scope.query(Customer.self).all() {
                numbers[customer.phoneE164] = customer.id
            }
            let customerNumbers = Dictionary(uniqueKeysWithValues: numbers.map { ($1, $0) })
            let barred = entries[0..<8].map { customerNumbers[$0.customerID]! }
            _ = try await DialBarStore(scope: fixture.scope).importNumbers(
                barred.enumerated().map { .init(line: $0 + 1, number: $1, note: "") }, by: nil, at: Date())
            for entry in entries[8..<16] {
                entry.limitReached = true
                try await fixture.scope.update(entry)
            }

            let fetcher = DeskRowFetcher(scope: fixture.scope, userID: fixture.agents[0])
            let first = try await fetcher.fetch(limit: 5)
            #expect(first.rows.map(\.dialNumber) == entries[16..<21].map { customerNumbers[$0.customerID]! })
            #expect(first.moreAvailable)
            let second = try await DeskRowFetcher(scope: fixture.scope, userID: fixture.agents[1]).fetch(limit: 500)
            #expect(second.rows.count == 9 && !second.moreAvailable)
            #expect(!(try await RowClaimer(scope: fixture.scope).hasWaiting(for: fixture.agents[0])))

            let left = try await fixture.scope.query(CallListEntry.self).filter(\.$callListID == fixture.listID)
                .filter(\.$state == .waiting).sort(\.$position).all()
            #expect(left.compactMap(\.id) == entries[0..<16].compactMap(\.id), "barred and 上限到達 rows stay waiting")
            #expect(left.allSatisfy { $0.assignedUserID == nil })
            let handedOut = try await fixture.scope.query(AgentWorkRow.self).all().map(\.entryID)
            #expect(Set(handedOut).count == 14 && handedOut.count == 14)
        }
    }

    /// A customer called many times: the new row shows the result, memo and time of the latest call that ended,
    /// not of an older one and not of a call still without a result.
    @Test func newRowShowsTheLatestEndedCallOfItsCustomer() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DistributionTests.fixture(app, rows: 2, agents: 1)
            try await ListDistributor(scope: fixture.scope).distribute(
                listID: fixture.listID, mode: .sharedPool, agentIDs: [])
            let customer = fixture.customerIDs[0]
            let base = Date(timeIntervalSince1970: 1_790_000_000)
            for index in 0..<40 {
                let attempt = CallAttempt(
                    tenantID: fixture.scope.tenantID, userID: nil, phoneExtension: "300", callListID: fixture.listID,
                    customerID: customer, workRowID: nil, number: "+81300000000",
                    startedAt: base.addingTimeInterval(Double(index) * 60))
                attempt.endedAt = attempt.startedAt.addingTimeInterval(30)
                attempt.result = index == 39 ? .answered : .unanswered(.busy)
                attempt.memo = "通話\(index)"
                try await fixture.scope.create(attempt)
            }
            try await fixture.scope.create(
                CallAttempt(
                    tenantID: fixture.scope.tenantID, userID: nil, phoneExtension: "300", callListID: fixture.listID,
                    customerID: customer, workRowID: nil, number: "+81300000000",
                    startedAt: base.addingTimeInterval(3_600)))

            let fetched = try await DeskRowFetcher(scope: fixture.scope, userID: fixture.agents[0]).fetch(limit: 10)
            let row = try #require(fetched.rows.first { $0.customerID == customer })
            #expect(row.result == .answered)
            #expect(row.memo == "通話39")
            #expect(row.calledAt == base.addingTimeInterval(39 * 60))
            let other = try #require(fetched.rows.first { $0.customerID == fixture.customerIDs[1] })
            #expect(other.result == nil && other.memo == "" && other.calledAt == nil)
        }
    }
}
