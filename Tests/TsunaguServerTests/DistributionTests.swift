import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 配布 and ダウンロード: even split or shared pool; a row is on at most one agent's screen, even under concurrency.
@Suite struct DistributionTests {
    struct Fixture {
        var scope: TenantScope
        var listID: UUID
        var agents: [UUID]
        var customerIDs: [UUID]
    }

    static func fixture(_ app: Application, rows: Int, agents agentCount: Int = 3) async throws -> Fixture {
        let tenants = try await TwoTenants.create(on: app.db)
        let scope = TenantScope(tenantID: tenants.a, database: app.db)
        var agents: [UUID] = []
        for index in 0..<agentCount {
            let user = User(
                tenantID: tenants.a, loginID: "caller\(index)", name: "架電\(index)", role: .agent, passwordHash: "x")
            try await scope.create(user)
            agents.append(try user.requireID())
        }
        let summary = try await CustomerImporter(scope: scope).importCustomers(
            CustomerImporterTests.drafts(rows), registeredOn: "2024-11-05")
        let listID = try await CallListBuilder(scope: scope).create(
            name: "配布テスト", customerIDs: summary.customerIDs, createdBy: nil)
        return Fixture(scope: scope, listID: listID, agents: agents, customerIDs: summary.customerIDs)
    }

    @Test func evenSplitGivesContiguousBlocksAndMarksCustomers() async throws {
        try await withTestApp { app, _ in
            let fixture = try await Self.fixture(app, rows: 10)
            let counts = try await ListDistributor(scope: fixture.scope).distribute(
                listID: fixture.listID, mode: .evenSplit, agentIDs: fixture.agents)
            #expect(fixture.agents.map { counts[$0] } == [4, 3, 3])
            let entries = try await fixture.scope.query(CallListEntry.self).sort(\.$position).all()
            #expect(
                entries.map(\.assignedUserID) == Array(repeating: fixture.agents[0], count: 4)
                    + Array(repeating: fixture.agents[1], count: 3) + Array(repeating: fixture.agents[2], count: 3))
            #expect(
                try await fixture.scope.query(Customer.self).filter(\.$id ~~ fixture.customerIDs).filter(
                    \.$distributed == false
                ).count() == 0)

            let first = try await RowClaimer(scope: fixture.scope).claim(for: fixture.agents[1], limit: 2)
            #expect(first == entries[4...5].compactMap(\.id), "an agent gets their own rows, in list order")
            let rest = try await RowClaimer(scope: fixture.scope).claim(for: fixture.agents[1], limit: 500)
            #expect(rest == [entries[6].id!])
            #expect(try await RowClaimer(scope: fixture.scope).claim(for: fixture.agents[1], limit: 500).isEmpty)

            try await RowClaimer(scope: fixture.scope).release(rest)
            #expect(
                try await RowClaimer(scope: fixture.scope).claim(for: fixture.agents[1], limit: 500) == rest,
                "uncalled rows come back to their agent")
        }
    }

    /// Many downloads at the same moment, from two agents: every row goes to exactly one of them.
    @Test func concurrentDownloadsNeverShareARow() async throws {
        try await withTestApp { app, _ in
            let fixture = try await Self.fixture(app, rows: 1_000, agents: 2)
            try await ListDistributor(scope: fixture.scope).distribute(
                listID: fixture.listID, mode: .sharedPool, agentIDs: [])
            let claims = try await withThrowingTaskGroup(of: (UUID, [UUID]).self) { group in
                for index in 0..<16 {
                    let agent = fixture.agents[index % 2]
                    group.addTask { (agent, try await RowClaimer(scope: fixture.scope).claim(for: agent, limit: 90)) }
                }
                var all: [(UUID, [UUID])] = []
                for try await claim in group { all.append(claim) }
                return all
            }
            let claimed = claims.flatMap(\.1)
            #expect(claimed.count == 1_000, "16 × 90 asked for, 1,000 there")
            #expect(Set(claimed).count == claimed.count, "no row was handed out twice")
            for (agent, ids) in claims {
                let holders = try await fixture.scope.query(CallListEntry.self).filter(\.$id ~~ ids).all().map(
                    \.assignedUserID)
                #expect(holders.allSatisfy { $0 == agent })
            }
            // Pool rows given back go back to the pool, for anyone.
            let (agent, ids) = claims[0]
            try await RowClaimer(scope: fixture.scope).release(ids)
            let other = fixture.agents.first { $0 != agent }!
            #expect(Set(try await RowClaimer(scope: fixture.scope).claim(for: other, limit: 500)) == Set(ids))
        }
    }

    @Test func anotherTenantsListCannotBeDistributedOrClaimed() async throws {
        try await withTestApp { app, _ in
            let fixture = try await Self.fixture(app, rows: 5)
            try await ListDistributor(scope: fixture.scope).distribute(
                listID: fixture.listID, mode: .sharedPool, agentIDs: [])
            let tenantB = try #require(try await Tenant.query(on: app.db).filter(\.$code == "bravo").first()?.id)
            let scopeB = TenantScope(tenantID: tenantB, database: app.db)
            await #expect(throws: TenantScopeError.notFound) {
                try await ListDistributor(scope: scopeB).distribute(
                    listID: fixture.listID, mode: .sharedPool, agentIDs: [])
            }
            #expect(try await RowClaimer(scope: scopeB).claim(for: fixture.agents[0], limit: 500).isEmpty)
            await #expect(throws: ListDistributor.Failure.unknownAgent) {
                try await ListDistributor(scope: fixture.scope).distribute(
                    listID: fixture.listID, mode: .evenSplit, agentIDs: [UUID()])
            }
        }
    }
}

/// コールリスト一覧 and 配布 through the pages.
@Suite struct CallListPageTests {
    @Test func listPageShowsCountsAndDistributes() async throws {
        try await withTestApp { app, client in
            let fixture = try await DistributionTests.fixture(app, rows: 6, agents: 1)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let page = try await client.send(.GET, "/lists").body.string
            #expect(page.contains("配布テスト") && page.contains("<td>6</td>") && page.contains("未配布"))

            let none = try await client.send(
                .POST, "/lists/\(fixture.listID.uuidString)/distribute", form: ["mode": "evenSplit"])
            #expect(none.status == .badRequest && none.body.string.contains("配布先のユーザを選んでください"))

            let done = try await client.send(
                .POST, "/lists/\(fixture.listID.uuidString)/distribute",
                form: ["mode": "evenSplit", "agents[]": fixture.agents[0].uuidString])
            #expect(done.status == .seeOther)
            let after = try await client.send(.GET, "/lists?done=1").body.string
            #expect(after.contains("配布しました。") && after.contains("架電0: 未取得 6件 / 画面上 0件"))

            _ = try await RowClaimer(scope: fixture.scope).claim(for: fixture.agents[0], limit: 2)
            #expect(try await client.send(.GET, "/lists").body.string.contains("架電0: 未取得 4件 / 画面上 2件"))

            let pool = try await client.send(
                .POST, "/lists/\(fixture.listID.uuidString)/distribute", form: ["mode": "sharedPool"])
            #expect(pool.status == .seeOther)
            let pooled = try await client.send(.GET, "/lists").body.string
            #expect(pooled.contains("共有プール: 未取得 4件 / 画面上 0件") && pooled.contains("架電0: 未取得 0件 / 画面上 2件"))
        }
    }

    @Test func agentsWithoutListRightsCannotDistribute() async throws {
        try await withTestApp { app, client in
            let fixture = try await DistributionTests.fixture(app, rows: 3, agents: 1)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(try await client.send(.GET, "/lists").status == .forbidden)
            let refused = try await client.send(
                .POST, "/lists/\(fixture.listID.uuidString)/distribute", form: ["mode": "sharedPool"])
            #expect(refused.status == .forbidden)
            #expect(
                try await fixture.scope.find(CallList.self, id: fixture.listID)?.distribution
                    == CallList.Distribution.none)
        }
    }
}
