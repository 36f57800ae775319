import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// The agents' leases on disk (`agent_desks.lease_owner/lease_epoch/lease_until`): taken, renewed, released and
/// checked. Every statement that decides runs in the phone screens' writer's transaction, and on PostgreSQL locks
/// the agent's row first, so a take and a write of the same agent never interleave.
struct DeskLeaseStore {
    let database: any Database
    let instance: UUID

    private var sql: any SQLDatabase { database.sql }

    /// What a take found and did.
    struct Taken: Sendable, Equatable {
        var lease: DeskLease
        /// The instance whose expired lease this take ended, if any: what it left open has been closed.
        var previousOwner: UUID?
    }

    /// Takes the agent's lease when it is free, ours, or expired (`AgentLease.take`); otherwise throws
    /// `DeskHeldElsewhere`. Taking over an expired lease also closes what its holder left open: the agent's calls
    /// it placed (interrupted) and the agent's state (オフライン at the last thing known).
    func take(tenantID: UUID, userID: UUID, at now: Date) async throws -> Taken {
        struct Row: Decodable {
            var lease_owner: UUID?
            var lease_epoch: Int64
            var lease_until: Date?
        }
        let row = try await sql.raw(
            """
            SELECT \(ident: "lease_owner"), \(ident: "lease_epoch"), \(ident: "lease_until") \
            FROM \(ident: AgentDeskRecord.schema) \
            WHERE \(ident: "tenant_id") = \(uuid: tenantID) AND \(ident: "user_id") = \(uuid: userID)\(SQLLockRowsForUpdate())
            """
        ).first(decoding: Row.self)
        guard let row else {
            let record = AgentDeskRecord(tenantID: tenantID, userID: userID)
            let lease = AgentLease(owner: nil, epoch: 0, until: nil).taken(by: instance, at: now)
            record.leaseOwner = lease.owner
            record.leaseEpoch = lease.epoch
            record.leaseUntil = lease.until
            try await TenantScope(tenantID: tenantID, database: database).create(record)
            return Taken(lease: DeskLease(instance: instance, epoch: lease.epoch), previousOwner: nil)
        }
        let stored = AgentLease(owner: row.lease_owner, epoch: row.lease_epoch, until: row.lease_until)
        let decision = stored.take(by: instance, at: now)
        var previousOwner: UUID?
        switch decision {
        case .heldElsewhere(_, let until): throw DeskHeldElsewhere(until: until)
        case .expired(let owner):
            previousOwner = owner
            let scope = TenantScope(tenantID: tenantID, database: database)
            _ = try await InterruptedCalls.close(agent: userID, in: scope, placedByOtherThan: instance, at: now)
            _ = try await AgentsLeftSignedIn.signOut(agent: userID, in: scope, at: now)
        case .free, .ownedByAsker: break
        }
        let taken = stored.taken(by: instance, at: now)
        try await sql.raw(
            """
            UPDATE \(ident: AgentDeskRecord.schema) SET \(ident: "lease_owner") = \(uuid: instance), \
            \(ident: "lease_epoch") = \(bind: taken.epoch), \(ident: "lease_until") = \(bind: taken.until) \
            WHERE \(ident: "tenant_id") = \(uuid: tenantID) AND \(ident: "user_id") = \(uuid: userID) \
            AND \(ident: "lease_epoch") = \(bind: stored.epoch)
            """
        ).run()
        return Taken(lease: DeskLease(instance: instance, epoch: taken.epoch), previousOwner: previousOwner)
    }

    /// Extends every lease this instance holds to `until`, in one statement; returns those it extended (agent →
    /// epoch). A lease not returned is no longer this instance's.
    func renewAll(until: Date) async throws -> [UUID: Int64] {
        struct Row: Decodable {
            var user_id: UUID
            var lease_epoch: Int64
        }
        let rows = try await sql.raw(
            """
            UPDATE \(ident: AgentDeskRecord.schema) SET \(ident: "lease_until") = \(bind: until) \
            WHERE \(ident: "lease_owner") = \(uuid: instance) RETURNING \(ident: "user_id"), \(ident: "lease_epoch")
            """
        ).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.user_id, $0.lease_epoch) }, uniquingKeysWith: max)
    }

    /// Gives the agent's lease up, if it is still this one: another instance may take it at once.
    func release(tenantID: UUID, userID: UUID, lease: DeskLease) async throws {
        try await sql.raw(
            """
            UPDATE \(ident: AgentDeskRecord.schema) SET \(ident: "lease_owner") = NULL, \(ident: "lease_until") = NULL \
            WHERE \(ident: "tenant_id") = \(uuid: tenantID) AND \(ident: "user_id") = \(uuid: userID) \
            AND \(ident: "lease_owner") = \(uuid: lease.instance) AND \(ident: "lease_epoch") = \(bind: lease.epoch)
            """
        ).run()
    }

    /// Extends the agent's lease of `lease.epoch` to `until` if this instance still holds it; false when it does
    /// not (another instance took it, or this one was found dead and its leases cleared).
    func renew(tenantID: UUID, userID: UUID, lease: DeskLease, until: Date) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE \(ident: AgentDeskRecord.schema) SET \(ident: "lease_until") = \(bind: until) \
            WHERE \(ident: "tenant_id") = \(uuid: tenantID) AND \(ident: "user_id") = \(uuid: userID) \
            AND \(ident: "lease_owner") = \(uuid: lease.instance) AND \(ident: "lease_epoch") = \(bind: lease.epoch) \
            RETURNING \(ident: "user_id")
            """
        ).all().count == 1
    }

    /// The fence of a write: the epochs of these agents' leases that the database still gives this instance (an
    /// agent whose lease is held elsewhere, or by no one, is missing). On PostgreSQL the agents' rows stay locked
    /// until the write commits, so no take can slip between this check and the write; SQLite's writer holds the
    /// whole database.
    func heldEpochs(tenantID: UUID, _ agents: [UUID]) async throws -> [UUID: Int64] {
        guard !agents.isEmpty else { return [:] }
        struct Row: Decodable {
            var user_id: UUID
            var lease_epoch: Int64
        }
        let rows = try await sql.raw(
            """
            SELECT \(ident: "user_id"), \(ident: "lease_epoch") FROM \(ident: AgentDeskRecord.schema) \
            WHERE \(ident: "tenant_id") = \(uuid: tenantID) AND \(ident: "lease_owner") = \(uuid: instance) \
            AND \(ident: "user_id") IN (\(uuids: Array(Set(agents))))\(SQLLockRowsForUpdate())
            """
        ).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.user_id, $0.lease_epoch) }, uniquingKeysWith: max)
    }
}
