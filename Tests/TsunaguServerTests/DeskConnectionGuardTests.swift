import Fluent
import Foundation
import Testing
import Vapor

@testable import TsunaguServer

/// An open phone screen stays inside its sign-in: the agent's actions keep it (and the pages) alive; the tenant's
/// idle minutes without one, or a sign-out elsewhere, end it.
@Suite struct DeskConnectionGuardTests {
    @Test func idleMinutesEndTheSessionAndActivityKeepsIt() async throws {
        try await withTestApp { app, client in
            let clock = TestClock()
            clock.install(on: app)
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let record = try #require(
                try await SessionRecord.query(on: app.db).all().first { $0.data[SessionKeys.userID] != nil })
            let agent = try #require(
                try await TenantScope(tenantID: tenants.a, database: app.db).query(User.self).filter(
                    \.$loginID == "agent"
                ).first())
            let connection = DeskConnectionGuard(
                sessionID: record.key, userID: try agent.requireID(), tenantID: tenants.a, sessionVersion: "0",
                now: clock.now)
            let writer = app.deskRegistry.writer

            // 59 idle minutes pass (the tenant's limit is 60), then the agent acts: still signed in, and the pages too.
            clock.advance(59 * 60)
            #expect(await connection.check(database: app.db, writer: writer, now: clock.now, logger: app.logger))
            connection.noteActivity(at: clock.now)
            clock.advance(59 * 60)
            #expect(await connection.check(database: app.db, writer: writer, now: clock.now, logger: app.logger))
            let touched = try #require(try await SessionRecord.query(on: app.db).filter(\.$key == record.key).first())
            #expect(touched.data[SessionKeys.lastSeen] == String(Int(clock.now.timeIntervalSince1970) - 59 * 60))
            #expect(try await client.send(.GET, "/me").status == .ok)

            // 61 minutes without an action: signed out, here and on the pages.
            clock.advance(61 * 60)
            #expect(
                await connection.check(database: app.db, writer: writer, now: clock.now, logger: app.logger) == false)
            #expect(connection.isClosed)
            #expect(try await SessionRecord.query(on: app.db).filter(\.$key == record.key).count() == 0)
            #expect(try await client.send(.GET, "/me").status == .seeOther)
        }
    }

    @Test func aPasswordChangeElsewhereEndsTheScreen() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let record = try #require(
                try await SessionRecord.query(on: app.db).all().first { $0.data[SessionKeys.userID] != nil })
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            let agent = try #require(try await scope.query(User.self).filter(\.$loginID == "agent").first())
            let connection = DeskConnectionGuard(
                sessionID: record.key, userID: try agent.requireID(), tenantID: tenants.a, sessionVersion: "0",
                now: Date())
            agent.sessionVersion += 1
            try await scope.update(agent)
            #expect(
                await connection.check(
                    database: app.db, writer: app.deskRegistry.writer, now: Date(), logger: app.logger) == false)
        }
    }
}
