import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// Signed in to tenant A, nothing of tenant B can be read or written.
@Suite struct TenantIsolationTests {
    /// Tenant A's scope does not find B's customer, cannot change it, cannot delete it; B's row is untouched.
    @Test func scopeNeverReadsOrWritesAnotherTenant() async throws {
        try await withTestApp { app, _ in
            let tenants = try await TwoTenants.create(on: app.db)
            let scopeA = TenantScope(tenantID: tenants.a, database: app.db)
            #expect(try await scopeA.find(Customer.self, id: tenants.customerOfB) == nil)
            #expect(try await scopeA.find(Customer.self, id: tenants.customerOfA) != nil)
            #expect(try await scopeA.query(Customer.self).count() == 1)
            await #expect(throws: TenantScopeError.notFound) {
                try await scopeA.require(Customer.self, id: tenants.customerOfB)
            }

            // A model of B loaded outside the scope still cannot be written through A's scope.
            let foreign = try #require(try await Customer.find(tenants.customerOfB, on: app.db))
            foreign.company = "書き換え"
            await #expect(throws: TenantScopeError.notFound) { try await scopeA.update(foreign) }
            await #expect(throws: TenantScopeError.notFound) { try await scopeA.delete(foreign, force: true) }
            // Claiming to be A's does not help: the stored row is B's.
            foreign.tenantID = tenants.a
            await #expect(throws: TenantScopeError.notFound) { try await scopeA.update(foreign) }

            let stored = try #require(try await Customer.find(tenants.customerOfB, on: app.db))
            #expect(stored.company == "ブラボー株式会社" && stored.tenantID == tenants.b)
        }
    }

    /// Creating through A's scope always stores the row as A's, whatever the caller set.
    @Test func createAlwaysUsesTheScopesTenant() async throws {
        try await withTestApp { app, _ in
            let tenants = try await TwoTenants.create(on: app.db)
            let scopeA = TenantScope(tenantID: tenants.a, database: app.db)
            let list = CallList(tenantID: tenants.b, name: "紛れ込み", createdByUserID: nil)
            try await scopeA.create(list)
            let stored = try #require(try await CallList.find(list.id, on: app.db))
            #expect(stored.tenantID == tenants.a)
        }
    }

    /// Through HTTP: signed in as A, the customer list shows A's customers and none of B's.
    @Test func customerListShowsOnlyTheSignedInTenant() async throws {
        try await withTestApp { app, client in
            _ = try await TwoTenants.create(on: app.db)
            let signIn = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(signIn.status == .seeOther)
            let page = try await client.send(.GET, "/customers")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("アルファ株式会社"))
            #expect(!page.body.string.contains("ブラボー株式会社"))
            #expect(page.body.string.contains("1件中 1-1件表示"))
        }
    }
}
