import FluentKit
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import TsunaguCore

/// 顧客一覧's search as a query: inside the tenant and, when the tenant says so, inside the agent's own customers.
/// The list, the CSV download, the bulk delete and リスト再作成 all work on exactly this set.
struct CustomerQuery: Sendable {
    let scope: TenantScope
    let search: CustomerSearch
    /// Only customers whose (自社)担当者 is this user (the tenant's customer-list scope for agents).
    let ownerUserID: UUID?

    /// The text filters that go through the trigram index, with how many rows the index gives for each.
    private var indexed: [CustomerTextSearch.Column: (lookup: CustomerTextSearch.Lookup, candidates: Int)] = [:]

    init(scope: TenantScope, search: CustomerSearch, signedIn: SignedIn) async throws {
        self.scope = scope
        self.search = search
        self.ownerUserID = signedIn.permissions.onlyCustomersOwnedBy
        var texts = [
            (CustomerTextSearch.Column.company, search.company), (.companyKana, search.companyKana),
            (.address, search.address),
        ]
        if case .contains(let digits) = search.phone { texts.append((.phone, digits)) }
        for (column, text) in texts {
            if let text {
                indexed[column] = try await CustomerTextSearch.lookupWithCandidates(column, text, on: scope.database)
            }
        }
    }

    /// - Parameter forPage: the query is read in 顧客一覧's order (`page()`), so a text with many candidates is
    ///   tested row by row instead of driving the read.
    func builder(includeDeleted: Bool? = nil, forPage: Bool = false) -> QueryBuilder<Customer> {
        var query = scope.query(Customer.self)
        if includeDeleted ?? search.includeDeleted { query = query.withDeleted() }
        if let ownerUserID { query = query.filter(\.$ownerUserID == ownerUserID) }
        if let listText = search.listID {
            // An id that is not one of this tenant's lists matches nothing.
            let listID = UUID(uuidString: listText) ?? UUID()
            query = query.join(CallListEntry.self, on: \Customer.$id == \CallListEntry.$customerID)
                .filter(CallListEntry.self, \.$callListID == listID)
                .filter(CallListEntry.self, \.$tenantID == scope.tenantID)
        }
        switch search.distribution {
        case .any: break
        case .distributed: query = query.filter(\.$distributed == true)
        case .notDistributed: query = query.filter(\.$distributed == false)
        }
        if search.limitReachedOnly {
            if search.listID != nil {
                query = query.filter(CallListEntry.self, \.$limitReached == true)
            } else {
                query = query.filter(
                    .sql(
                        """
                        EXISTS (SELECT 1 FROM \(ident: CallListEntry.schema) AS "limit_entry" \
                        WHERE "limit_entry"."tenant_id" = \(bind: scope.tenantID) \
                        AND "limit_entry"."customer_id" = \(ident: Customer.schema)."id" \
                        AND "limit_entry"."limit_reached" = \(bind: true))
                        """ as SQLQueryString))
            }
        }
        switch search.dialBar {
        case .any: break
        case .barred:
            query = query.filter(.sql(DialBarStore.barred(customer: Customer.schema, tenantID: scope.tenantID)))
        case .notBarred:
            query = query.filter(.sql(DialBarStore.notBarred(customer: Customer.schema, tenantID: scope.tenantID)))
        }
        if let from = search.registeredFrom { query = query.filter(\.$registeredOn >= from) }
        if let to = search.registeredTo { query = query.filter(\.$registeredOn <= to) }
        if !search.statuses.isEmpty { query = query.filter(\.$finalStatus ~~ Array(search.statuses)) }
        if let company = search.company {
            query = textFilter(query, .company, company, forPage).filter(.sql(Self.contains("company", company)))
        }
        if let kana = search.companyKana {
            query = textFilter(query, .companyKana, kana, forPage).filter(.sql(Self.contains("company_kana", kana)))
        }
        if let prefecture = search.prefecture { query = query.filter(\.$prefecture == prefecture) }
        if let address = search.address {
            query = textFilter(query, .address, address, forPage).filter(.sql(Self.contains("address", address)))
        }
        switch search.phone {
        case .exact(let e164): query = query.filter(\.$phoneE164 == e164)
        case .prefix(let start):
            query = query.filter(\.$phoneE164 >= start).filter(
                \.$phoneE164 < CustomerSearch.PhoneMatch.end(ofPrefix: start))
        case .contains(let digits):
            query = textFilter(query, .phone, digits, forPage).filter(.sql(Self.contains("phone_e164", digits)))
        case nil: break
        }
        return query
    }

    /// The set in 顧客一覧's order, chosen so that an index gives the first page without sorting the set: a list's
    /// customers in list order (the order they are dialled); with 登録日付, newest registration first; otherwise
    /// newest first. Every key is descending or ascending together, so the index is read in one direction.
    func page() -> QueryBuilder<Customer> {
        let query = builder(forPage: true)
        if search.listID != nil { return query.sort(CallListEntry.self, \.$position) }
        if search.registeredFrom != nil || search.registeredTo != nil {
            return query.sort(\.$registeredOn, .descending).sort(\.$createdAt, .descending).sort(
                \.$phoneE164, .descending)
        }
        return query.sort(\.$createdAt, .descending).sort(\.$phoneE164, .descending)
    }

    private func textFilter(
        _ query: QueryBuilder<Customer>, _ column: CustomerTextSearch.Column, _ text: String, _ forPage: Bool
    ) -> QueryBuilder<Customer> {
        guard let (lookup, candidates) = indexed[column] else { return query }
        let drives = !forPage || candidates < CustomerTextSearch.pageOrderCandidates
        return query.filter(
            .sql(CustomerTextSearch.matching(column, lookup, table: Customer.schema, drivesQuery: drives)))
    }

    /// The customers' `column` holds `text` (as typed: `%` and `_` are not wildcards).
    private static func contains(_ column: String, _ text: String) -> any SQLExpression {
        SQLContainsText(SQLColumn(column, table: Customer.schema), text)
    }

    /// How many customers match, counting no further than `limit`. Rows are counted as they stream past, ids only:
    /// decoding ten thousand models just to count them is what made big lists slow.
    func count(upTo limit: Int) async throws -> Int {
        let counted = NIOLockedValueBox(0)
        try await builder().field(\.$id).limit(limit).run { _ in counted.withLockedValue { $0 += 1 } }
        return counted.withLockedValue { $0 }
    }

    /// Walks the set in id order, `size` customers at a time, without holding more than one batch in memory.
    func forEachBatch(size: Int = 2_000, includeDeleted: Bool? = nil, _ body: ([Customer]) async throws -> Void)
        async throws
    {
        var after: UUID?
        while true {
            var query = builder(includeDeleted: includeDeleted).sort(\.$id).limit(size)
            if let after { query = query.filter(\.$id > after) }
            let batch = try await query.all()
            if batch.isEmpty { return }
            try await body(batch)
            guard batch.count == size else { return }
            after = batch.last?.id
        }
    }

    /// The ids of the set, in registration order (for a call list).
    func ids() async throws -> [UUID] {
        try await builder(includeDeleted: false).sort(\.$createdAt).sort(\.$phoneE164).all(\.$id)
    }
}
