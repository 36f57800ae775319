import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Settles what dead instances left: their agents get オフライン (`AgentsLeftSignedIn`), their leases are cleared so
/// the agents can be served elsewhere at once, their open calls are closed as interrupted (`InterruptedCalls`), and
/// their rows are removed. A job that must run once (the leader runs it), and safe to run twice.
enum DeadInstanceSweep {
    struct Outcome: Sendable, Equatable {
        var instances: [UUID] = []
        var agents = 0
        var calls = 0
    }

    /// The instances recorded as running that are dead at `now`; with `everyOtherIsDead`, every one but `me`
    /// (SQLite's file is one server's: at start, whatever else is recorded there is a stopped server's).
    static func deadInstances(on database: any Database, me: UUID, now: Date, everyOtherIsDead: Bool)
        async throws -> [UUID]
    {
        try await InstanceRecord.query(on: database).all().filter { record in
            record.id != me
                && (everyOtherIsDead || InstanceTerms.isDead(lastHeartbeat: record.heartbeatAt, now: now))
        }.compactMap(\.id)
    }

    /// Settles `dead`; with `includingUnowned`, also what names no instance at all: calls placed and agents left
    /// signed in by a version that did not record instances. (Only a SQLite server at start does that: it is then
    /// the only one. On PostgreSQL every call and every agent's state is written under a lease.)
    static func settle(_ dead: [UUID], includingUnowned: Bool, on database: any Database, at now: Date)
        async throws -> Outcome
    {
        var outcome = Outcome(instances: dead)
        guard !dead.isEmpty || includingUnowned else { return outcome }
        outcome.agents = try await AgentsLeftSignedIn.signOut(
            on: database, leftBy: Set(dead), includingUnowned: includingUnowned, at: now)
        if !dead.isEmpty {
            // The agents of a dead instance that were オフライン already.
            try await database.sql.raw(
                """
                UPDATE \(ident: AgentDeskRecord.schema) SET \(ident: "lease_owner") = NULL, \
                \(ident: "lease_until") = NULL WHERE \(ident: "lease_owner") IN (\(uuids: dead))
                """
            ).run()
        }
        outcome.calls = try await InterruptedCalls.close(
            on: database, placedBy: dead, includingUnknown: includingUnowned, at: now)
        if !dead.isEmpty {
            try await InstanceRecord.query(on: database).filter(\.$id ~~ dead).delete()
        }
        return outcome
    }
}
