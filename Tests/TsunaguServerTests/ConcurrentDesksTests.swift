import Fluent
import Foundation
import Telephony
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// Many agents at once: downloads and dialling through the shared writer never wait on each other forever.
@Suite struct ConcurrentDesksTests {
    @Test func thirtyAgentsDownloadAndDialAtOnce() async throws {
        try await withTestApp { app, _ in
            app.useTelephony(SimulatedCarrier(clock: ContinuousClock(), timeScale: 200))
            let tenants = try await TwoTenants.create(on: app.db)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            var agents: [UUID] = []
            for index in 0..<30 {
                let user = User(
                    tenantID: tenants.a, loginID: "caller\(index)", name: "架電\(index)", role: .agent, passwordHash: "x")
                try await scope.create(user)
                agents.append(try user.requireID())
            }
            let summary = try await CustomerImporter(scope: scope).importCustomers(
                CustomerImporterTests.drafts(300), registeredOn: "2026-11-25")
            let listID = try await CallListBuilder(scope: scope).create(
                name: "同時", customerIDs: summary.customerIDs, createdBy: nil)
            try await ListDistributor(scope: scope).distribute(listID: listID, mode: .evenSplit, agentIDs: agents)
            var probes: [DeskProbe] = []
            for agent in agents {
                probes.append(DeskProbe(try await app.deskRegistry.session(tenantID: tenants.a, userID: agent)))
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for probe in probes {
                    group.addTask {
                        try await probe.send("download")
                        try await probe.send("start")
                    }
                }
                try await group.waitForAll()
            }
            for probe in probes {
                #expect(await probe.session.snapshot.rows.count == 10)
            }
            // Every agent's first number answers: each is talking; hanging up lets the next row's call go on.
            try await eventually("every agent talking", seconds: 20) { () async -> Bool? in
                for probe in probes where await probe.session.snapshot.activeCall?.stage != .talking { return nil }
                return true
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for probe in probes { group.addTask { try await probe.send("hangUp") } }
                try await group.waitForAll()
            }
            #expect(try await scope.query(CallAttempt.self).count() == 30)
            try await eventually("every call recorded as answered and ended") {
                try await scope.query(CallAttempt.self).filter(\.$result == .answered).filter(\.$endedAt != nil).count()
                    == 30 ? true : nil
            }
            #expect(try await scope.query(AgentWorkRow.self).count() == 300)
        }
    }
}
