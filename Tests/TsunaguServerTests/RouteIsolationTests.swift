import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// Every registered route, tried by tenant A's administrator with tenant B's ids: nothing of B is read, changed
/// or deleted. A new route with a parameter this test does not know fails it, so that it gets covered.
@Suite struct RouteIsolationTests {
    /// What an attacker would post to every form.
    static let hostileForm = [
        "name": "乗っ取り", "loginID": "hijack", "email": "hijack@example.jp", "password": "hijacked password",
        "phonePassword": "hijacked password", "role": "admin", "group": "x", "phoneExtension": "999",
        "tenantCode": "bravo", "keyCode": "0123456789abcdef0123", "ringTimeoutSeconds": "99", "dialingMode": "manual",
        "number": "03-0000-2001", "note": "乗っ取り", "reason": "乗っ取り", "search": "03-0000-2001", "token": "00",
    ]

    /// Everything of tenant B that must stay as it was.
    static func snapshot(_ database: any Database, tenant: UUID) async throws -> [String] {
        let scope = TenantScope(tenantID: tenant, database: database)
        let users = try await scope.query(User.self).sort(\.$loginID).all().map {
            "\($0.loginID)|\($0.name)|\($0.email)|\($0.role)|\($0.disabled)|\($0.passwordHash)|\($0.sessionVersion)|\($0.phonePassword)|\($0.phoneExtension)"
        }
        let customers = try await scope.query(Customer.self).withDeleted().all().map {
            "\($0.company)|\($0.phone)|\($0.finalStatus)|\($0.deletedAt == nil)|\($0.contactName)"
        }
        let settings = try await Tenant.find(tenant, on: database).map { "\($0.settings)" } ?? "gone"
        let lists = try await scope.query(CallList.self).all().map { "\($0.name)|\($0.distribution)" }
        let entries = try await scope.query(CallListEntry.self).sort(\.$position).all().map {
            "\($0.position)|\($0.state)|\($0.assignedUserID?.uuidString ?? "-")"
        }
        let bars = try await scope.query(DialBar.self).sort(\.$createdAt).all().map {
            "\($0.number ?? "-")|\($0.source)|\($0.note)|\($0.liftedAt == nil)|\($0.liftReason ?? "-")"
        }
        let callbacks = try await scope.query(CallbackRecord.self).sort(\.$createdAt).all().map {
            "\($0.ownerID)|\($0.state)|\($0.dueAt)|\($0.note)"
        }
        return users + customers + [settings] + lists + entries + bars + callbacks
    }

    @Test func everyRouteRefusesAnotherTenantsData() async throws {
        try await withTestApp { app, client in
            app.mailer = CapturingMailer()
            let tenants = try await TwoTenants.create(on: app.db)
            let scopeB = TenantScope(tenantID: tenants.b, database: app.db)
            let userOfB = try #require(try await scopeB.query(User.self).filter(\.$loginID == "admin").first()?.id)
            let listOfB = try await CallListBuilder(scope: scopeB).create(
                name: "ブラボーリスト", customerIDs: [tenants.customerOfB], createdBy: nil)
            let storeB = DialBarStore(scope: scopeB)
            guard
                case .added(let barOfB) = try await storeB.add(
                    number: "+81300002001", note: "ブラボーの架電禁止", by: userOfB, at: Date())
            else { throw CancellationError() }
            let callbackOfB = Callback(
                id: UUID(), customerID: tenants.customerOfB, number: "+81300002001", company: "ブラボー株式会社",
                contactName: "", callListID: listOfB, ownerID: userOfB, dueAt: Date().addingTimeInterval(-7200),
                note: "ブラボーの再架電", createdAt: Date())
            try await CallbackStore(scope: scopeB).schedule(callbackOfB, by: userOfB, setAttemptID: nil, at: Date())
            let parameterValues: [String: String] = [
                "userID": userOfB.uuidString, "customerID": tenants.customerOfB.uuidString,
                "listID": listOfB.uuidString, "barID": try barOfB.requireID().uuidString,
                "callbackID": callbackOfB.id.uuidString,
            ]
            let secretsOfB = [
                "ブラボー株式会社", "bravo admin", "bravo agent", "admin@bravo.example.jp", userOfB.uuidString, "ブラボーリスト",
                "ブラボーの架電禁止", "ブラボーの再架電",
            ]
            let before = try await Self.snapshot(app.db, tenant: tenants.b)
            let scopeA = TenantScope(tenantID: tenants.a, database: app.db)
            let adminHashOfA = try #require(
                try await scopeA.query(User.self).filter(\.$loginID == "admin").first()?.passwordHash)

            var tried = 0
            for route in app.routes.all where route.path.last != .catchall {
                let path =
                    try "/"
                    + route.path.map { component -> String in
                        switch component {
                        case .constant(let value): return value
                        case .parameter(let name):
                            guard let value = parameterValues[name] else {
                                Issue.record("route \(route.path) has parameter :\(name) that this test does not cover")
                                throw CancellationError()
                            }
                            return value
                        case .anything, .catchall: return "x"
                        }
                    }.joined(separator: "/")
                if path == "/logout" { continue }
                // The hostile form may change A's own admin (its password, say): put it back, so every route is
                // tried signed in.
                if let adminOfA = try await scopeA.query(User.self).filter(\.$loginID == "admin").first() {
                    adminOfA.passwordHash = adminHashOfA
                    adminOfA.disabled = false
                    adminOfA.role = .admin
                    try await scopeA.update(adminOfA)
                }
                let signIn = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
                #expect(signIn.status == .seeOther, "signed in before \(route.method) \(path)")
                // A GET also names B's list, agent and customer in its query (レポート, 通話一覧, 顧客一覧 filter by them).
                let hostileQuery =
                    "?list=\(listOfB.uuidString)&agent=\(userOfB.uuidString)&customer=\(tenants.customerOfB.uuidString)"
                let response = try await client.send(
                    route.method, route.method == .GET ? path + hostileQuery : path,
                    form: route.method == .GET ? nil : Self.hostileForm)
                tried += 1
                let body = response.body.string
                for secret in secretsOfB {
                    #expect(!body.contains(secret), "\(route.method) \(path) showed tenant B's “\(secret)”")
                }
                if route.path.contains(where: { if case .parameter = $0 { true } else { false } }) {
                    #expect(
                        response.status == .notFound, "\(route.method) \(path) answered \(response.status) for B's id")
                }
            }
            #expect(tried >= 15)
            #expect(try await Self.snapshot(app.db, tenant: tenants.b) == before, "tenant B changed")
        }
    }
}
