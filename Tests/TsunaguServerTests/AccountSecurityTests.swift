import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// CSRF, throttling, idle sign-out, roles: secure by default.
@Suite struct AccountSecurityTests {
    /// A form posted without the session's token, or with a forged one, is refused and changes nothing.
    @Test func forgedCSRFTokenChangesNothing() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            #expect(
                try await client.send(
                    .POST, "/login",
                    form: ["tenantCode": "alpha", "loginID": "admin", "password": TwoTenants.password], withCSRF: false
                ).status == .forbidden)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let forged = try await client.send(
                .POST, "/admin/users",
                form: [
                    "_csrf": String(repeating: "0", count: 64), "name": "侵入", "loginID": "intruder",
                    "password": "long enough pw",
                ])
            #expect(forged.status == .forbidden)
            #expect(forged.body.string.contains("画面の有効期限が切れました"))
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            #expect(try await scope.query(User.self).filter(\.$loginID == "intruder").count() == 0)
        }
    }

    /// Repeated failures slow down: the fifth try is refused even with the right password, until the wait is over.
    @Test func repeatedFailuresSlowDown() async throws {
        try await withTestApp { app, client in
            let clock = TestClock()
            clock.install(on: app)
            _ = try await TwoTenants.create(on: app.db)
            for _ in 0..<4 {
                #expect(
                    try await client.signIn(tenant: "alpha", loginID: "agent", password: "wrong").status
                        == .unauthorized)
            }
            let refused = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.string.contains("しばらくお待ちください"))
            clock.advance(3)
            #expect(
                try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password).status
                    == .seeOther)
        }
    }

    /// A forged X-Forwarded-For does not escape the per-user slow-down, nor reset the per-address one.
    @Test func forwardedForIsNotTrustedByDefault() async throws {
        try await withTestApp { app, client in
            TestClock().install(on: app)
            _ = try await TwoTenants.create(on: app.db)
            for index in 0..<4 {
                _ = try await client.send(.GET, "/login")
                let response = try await client.send(
                    .POST, "/login", form: ["tenantCode": "alpha", "loginID": "user\(index)", "password": "wrong"],
                    headers: ["X-Forwarded-For": "10.0.0.\(index)"])
                #expect(response.status == .unauthorized)
            }
            _ = try await client.send(.GET, "/login")
            let fifth = try await client.send(
                .POST, "/login", form: ["tenantCode": "alpha", "loginID": "agent", "password": TwoTenants.password],
                headers: ["X-Forwarded-For": "10.0.0.99"])
            #expect(fifth.status == .tooManyRequests, "the real address is slowed down, whatever the header says")
        }
    }

    /// After the tenant's idle minutes the next request signs out and the login page says why.
    @Test func idleSignOut() async throws {
        try await withTestApp { app, client in
            let clock = TestClock()
            clock.install(on: app)
            let tenants = try await TwoTenants.create(on: app.db)
            let tenant = try #require(try await Tenant.find(tenants.a, on: app.db))
            tenant.settings.idleLogoutMinutes = 5
            try await tenant.save(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            clock.advance(4 * 60)
            #expect(
                try await client.send(.GET, "/customers").status == .ok, "activity within the limit keeps the session")
            clock.advance(5 * 60 + 1)
            let after = try await client.send(.GET, "/customers")
            #expect(after.status == .seeOther && after.location == "/login?timeout=1")
            let login = try await client.send(.GET, "/login?timeout=1")
            #expect(login.body.string.contains("一定時間操作がなかったため、ログアウトしました。"))
            #expect(try await client.send(.GET, "/customers").status == .seeOther)
        }
    }

    /// The time of the last request is stored at most once a minute (a tenth of a shorter limit): a page polled every
    /// second does not write the session each time, and the idle limit still counts from a request.
    @Test func lastRequestIsStoredOncePerMinute() async throws {
        try await withTestApp { app, client in
            let clock = TestClock()
            clock.install(on: app)
            _ = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            func stored() async throws -> String? {
                try await SessionRecord.query(on: app.db).all().first { $0.data[SessionKeys.userID] != nil }?
                    .data[SessionKeys.lastSeen]
            }
            let signedInAt = try #require(try await stored())
            for _ in 0..<59 {
                clock.advance(1)
                #expect(try await client.send(.GET, "/me").status == .ok)
            }
            #expect(try await stored() == signedInAt, "59 requests in 59 seconds write nothing")
            clock.advance(1)
            #expect(try await client.send(.GET, "/me").status == .ok)
            #expect(try await stored() == String(Int(clock.now.timeIntervalSince1970)))
        }
    }

    /// An agent cannot reach admin pages or change anything there (403).
    @Test func agentsCannotUseAdminPages() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(try await client.send(.GET, "/admin/users").status == .forbidden)
            #expect(try await client.send(.GET, "/admin/settings").status == .forbidden)
            let create = try await client.send(
                .POST, "/admin/users", form: ["name": "x", "loginID": "sneaky", "password": "long enough pw"])
            #expect(create.status == .forbidden)
            #expect(create.body.string.contains("この操作は管理者のみ行えます。"))
            #expect(
                try await client.send(.POST, "/admin/settings", form: ["ringTimeoutSeconds": "99"]).status == .forbidden
            )
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            #expect(try await scope.query(User.self).filter(\.$loginID == "sneaky").count() == 0)
            #expect(try await Tenant.find(tenants.a, on: app.db)?.settings.ringTimeoutSeconds == 30)
        }
    }

    /// The session cookie is HttpOnly and SameSite=Lax.
    @Test func sessionCookieFlags() async throws {
        try await withTestApp { app, client in
            _ = try await TwoTenants.create(on: app.db)
            let response = try await client.send(.GET, "/login")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("tsunagu_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        }
    }
}
