import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// Customers stored from a checked CSV: all or nothing, duplicates by normalised number.
@Suite struct CustomerImporterTests {
    static func drafts(_ count: Int, startingAt first: Int = 0) -> [CustomerDraft] {
        (first..<(first + count)).map { index in
            var draft = CustomerDraft(phone: try! PhoneNumber.parse(String(format: "03-0000-%04d", index)).get())
            draft.company = "株式会社\(index)"
            return draft
        }
    }

    static func tenantScope(_ app: Application) async throws -> TenantScope {
        let tenant = Tenant(code: "t\(UUID().uuidString.prefix(6))", name: "T")
        try await tenant.create(on: app.db)
        return TenantScope(tenantID: try tenant.requireID(), database: app.db)
    }

    @Test func storesEveryFieldReadableByFluent() async throws {
        try await withTestApp { app, _ in
            let scope = try await Self.tenantScope(app)
            var draft = Self.drafts(1)[0]
            draft.kind = .individual
            draft.prefecture = "大阪府"
            draft.note = "備考"
            let summary = try await CustomerImporter(scope: scope).importCustomers([draft], registeredOn: "2026-11-25")
            #expect(summary.inserted == 1)
            let customer = try #require(try await scope.find(Customer.self, id: summary.insertedIDs[0]))
            #expect(customer.kind == .individual && customer.prefecture == "大阪府" && customer.note == "備考")
            #expect(customer.phone == "03-0000-0000" && customer.phoneE164 == "+81300000000")
            #expect(customer.finalStatus == .notCalled && customer.distributed == false && customer.deletedAt == nil)
            #expect(customer.createdAt != nil)
        }
    }

    /// Across batches, with duplicates inside the file and against the tenant; skip or update as chosen.
    @Test func duplicatesAreSkippedOrUpdated() async throws {
        try await withTestApp { app, _ in
            let scope = try await Self.tenantScope(app)
            let first = try await CustomerImporter(scope: scope).importCustomers(
                Self.drafts(1_200), registeredOn: "2026-11-25")
            #expect(first.inserted == 1_200)
            // 1195–1199 exist, 1200–1204 are new; 1300 comes twice in the file.
            let again =
                Self.drafts(10, startingAt: 1_195) + Self.drafts(1, startingAt: 1_300)
                + Self.drafts(1, startingAt: 1_300)
            let skipped = try await CustomerImporter(scope: scope).importCustomers(again, registeredOn: "2026-11-26")
            #expect(skipped.inserted == 6 && skipped.updated == 0 && skipped.skipped == 6)
            #expect(skipped.customerIDs.count == 11, "5 existing + 5 new + 1300 once, in file order")
            var changed = Self.drafts(1, startingAt: 5)[0]
            changed.company = "新しい社名"
            let updated = try await CustomerImporter(scope: scope, policy: .update).importCustomers(
                [changed], registeredOn: "2026-11-26")
            #expect(updated.updated == 1 && updated.inserted == 0)
            let customer = try await scope.query(Customer.self).filter(\.$phoneE164 == "+81300000005").first()
            #expect(customer?.company == "新しい社名")
            #expect(try await scope.query(Customer.self).count() == 1_206)
        }
    }

    /// A crash after some batches were written leaves nothing behind.
    @Test func failureHalfWayLeavesNothing() async throws {
        struct Crash: Error {}
        try await withTestApp { app, _ in
            let scope = try await Self.tenantScope(app)
            var importer = CustomerImporter(scope: scope)
            importer.afterBatch = { stored in if stored >= 1_000 { throw Crash() } }
            await #expect(throws: Crash.self) {
                try await importer.importCustomers(Self.drafts(1_500), registeredOn: "2026-11-25")
            }
            #expect(try await scope.query(Customer.self).count() == 0)
        }
    }
}

/// Time-ordered ids keep bulk inserts at the end of the primary-key index.
@Suite struct TimeOrderedUUIDTests {
    @Test func sequenceIsUniqueSortedAndVersion7() {
        let ids = UUID.timeOrderedSequence(count: 5_000, at: Date(timeIntervalSince1970: 1_800_000_000))
        let strings = ids.map(\.uuidString)
        #expect(Set(strings).count == 5_000)
        #expect(strings == strings.sorted())
        #expect(strings.allSatisfy { $0.dropFirst(14).first == "7" })
        let later = UUID.timeOrderedSequence(count: 1, at: Date(timeIntervalSince1970: 1_800_000_001))
        #expect(later[0].uuidString > strings.last!)
    }
}
