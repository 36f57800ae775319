import FluentKit
import Foundation
import NIOConcurrencyHelpers
import TsunaguCore

/// What 顧客 CSV ダウンロード writes of one customer, read straight from the query's rows: building a Fluent model
/// per customer cost more than everything else of the download together.
struct CustomerExportRow: Sendable {
    var id: UUID
    var kind: CustomerKind?
    var industry: String
    var company: String
    var companyKana: String
    var contactName: String
    var phone: String
    var prefecture: String
    var address: String
    var email: String
    var note: String
    var registeredOn: String
    var distributed: Bool
    var finalStatus: FinalStatus
    var ownerUserID: UUID?
    var deleted: Bool

    init(_ output: any DatabaseOutput) throws {
        let row = output.schema(Customer.schema)
        id = try row.decode(.id, as: UUID.self)
        kind = try row.decodeNil("kind") ? nil : row.decode("kind", as: CustomerKind.self)
        industry = try row.decode("industry", as: String.self)
        company = try row.decode("company", as: String.self)
        companyKana = try row.decode("company_kana", as: String.self)
        contactName = try row.decode("contact_name", as: String.self)
        phone = try row.decode("phone", as: String.self)
        prefecture = try row.decode("prefecture", as: String.self)
        address = try row.decode("address", as: String.self)
        email = try row.decode("email", as: String.self)
        note = try row.decode("note", as: String.self)
        registeredOn = try row.decode("registered_on", as: String.self)
        distributed = try row.decode("distributed", as: Bool.self)
        finalStatus = try row.decode("final_status", as: FinalStatus.self)
        ownerUserID = try row.decodeNil("owner_user_id") ? nil : row.decode("owner_user_id", as: UUID.self)
        deleted = try !row.decodeNil("deleted_at")
    }
}

extension CustomerQuery {
    /// The set in id order, `size` customers at a time, as export rows.
    func forEachExportBatch(size: Int = 2_000, _ body: ([CustomerExportRow]) async throws -> Void) async throws {
        var after: UUID?
        while true {
            var query = builder().sort(\.$id).limit(size)
            if let after { query = query.filter(\.$id > after) }
            let collected = NIOLockedValueBox<(rows: [CustomerExportRow], error: (any Error)?)>(([], nil))
            try await query.run { output in
                collected.withLockedValue { state in
                    guard state.error == nil else { return }
                    do { state.rows.append(try CustomerExportRow(output)) } catch { state.error = error }
                }
            }
            let (batch, error) = collected.withLockedValue { ($0.rows, $0.error) }
            if let error { throw error }
            if batch.isEmpty { return }
            try await body(batch)
            guard batch.count == size else { return }
            after = batch.last?.id
        }
    }
}
