import FluentKit
import Foundation
import SQLKit

/// Every read and write of tenant data goes through here, so that no query can forget the tenant: a row of
/// another tenant is never found, and writing one fails.
package struct TenantScope: Sendable {
    package let tenantID: UUID
    let database: any Database

    package init(tenantID: UUID, database: any Database) {
        self.tenantID = tenantID
        self.database = database
    }

    /// A query already limited to this tenant.
    func query<M: TenantOwned>(_ type: M.Type) -> QueryBuilder<M> {
        M.query(on: database).filter(M.tenantIDField == tenantID)
    }

    /// The database for hand-written SQL; such a query must filter on this scope's `tenantID` itself (the call log
    /// and the row claimer do, and their tests prove it).
    package var sql: any SQLDatabase { database.sql }

    /// The row with this id, if it belongs to this tenant.
    func find<M: TenantOwned>(_ type: M.Type, id: UUID?) async throws -> M? {
        guard let id else { return nil }
        return try await query(type).filter(\._$id == id).first()
    }

    /// Like `find`, but a missing or foreign row is an error the user understands.
    func require<M: TenantOwned>(_ type: M.Type, id: UUID?) async throws -> M {
        guard let model = try await find(type, id: id) else { throw TenantScopeError.notFound }
        return model
    }

    /// Stores a new row for this tenant, whatever tenant the caller put on it.
    package func create<M: TenantOwned>(_ model: M) async throws {
        model.tenantID = tenantID
        try await model.create(on: database)
    }

    func update<M: TenantOwned>(_ model: M) async throws {
        try await requireOwned(model)
        try await model.update(on: database)
    }

    func delete<M: TenantOwned>(_ model: M, force: Bool = false) async throws {
        try await requireOwned(model)
        try await model.delete(force: force, on: database)
    }

    /// Runs `work` in one transaction, with a scope bound to it (on SQLite, holding the write lock from its start:
    /// `Database.writeTransaction`).
    package func transaction<T: Sendable>(
        _ work: @escaping @Sendable (TenantScope) async throws -> T
    ) async throws -> T {
        let tenantID = tenantID
        return try await database.writeTransaction { transaction in
            try await work(TenantScope(tenantID: tenantID, database: transaction))
        }
    }

    /// The model belongs to this tenant, in memory and in the database (its tenant cannot be switched by a caller).
    private func requireOwned<M: TenantOwned>(_ model: M) async throws {
        guard model.tenantID == tenantID, let id = model.id else { throw TenantScopeError.notFound }
        let stored = try await M.query(on: database).filter(\._$id == id).filter(M.tenantIDField == tenantID).count()
        guard stored == 1 else { throw TenantScopeError.notFound }
    }
}

/// A row that is not this tenant's is simply not there: the same answer as a row that does not exist.
enum TenantScopeError: Error, Equatable {
    case notFound
}
