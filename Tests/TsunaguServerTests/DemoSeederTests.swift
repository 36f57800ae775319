import Fluent
import Foundation
import Telephony
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// `tsunagu demo`'s tenant: complete, and seeded once only.
@Suite struct DemoSeederTests {
    @Test func seedsOnceWithEveryOutcomeAndADistributedList() async throws {
        try await withTestApp { app, client in
            let seeder = DemoSeeder(database: app.db) { try Bcrypt.hash($0, cost: 4) }
            #expect(try await seeder.seed().created)
            #expect(try await seeder.seed().created == false)

            #expect(try await Tenant.query(on: app.db).count() == 1)
            let tenant = try #require(try await Tenant.query(on: app.db).first())
            let scope = TenantScope(tenantID: try tenant.requireID(), database: app.db)
            let users = try await scope.query(User.self).all()
            #expect(users.filter { $0.role == .admin }.count == 1 && users.filter { $0.role == .agent }.count == 2)

            let customers = try await scope.query(Customer.self).all()
            #expect(customers.count == 50)
            let behaviours = Set(customers.map { SimulatedCarrierRules.standard.behaviour(for: $0.phoneE164) })
            #expect(
                behaviours.count == SimulatedCarrierRules.standard.rules.count, "every simulated outcome is exercised")
            #expect(customers.allSatisfy { $0.distributed })

            let entries = try await scope.query(CallListEntry.self).all()
            #expect(entries.count == 50)
            let perAgent = Dictionary(grouping: entries, by: { $0.assignedUserID })
            #expect(perAgent.count == 2 && perAgent.values.allSatisfy { $0.count == 25 })

            let signIn = try await client.signIn(
                tenant: DemoSeeder.tenantCode, loginID: "agent1", password: DemoSeeder.password)
            #expect(signIn.status == .seeOther)
            #expect(try await client.send(.GET, "/").body.string.contains("50件中 1-50件表示"))
        }
    }
}
