import FluentKit
import Foundation
import TsunaguCore
import Vapor

/// One bar as the 架電禁止リスト page and 顧客編集 show it: every text already in the reader's language and the
/// tenant's time zone.
struct DialBarRow: Encodable {
    var id: String
    var number: String
    var source: String
    var isRefusal: Bool
    var customerID: String?
    var customerName: String?
    var note: String
    var createdAt: String
    var createdBy: String
    /// When the call during or after which the customer refused was placed.
    var call: String?
    var lifted: Bool
    var liftedAt: String?
    var liftedBy: String?
    var liftReason: String?

    /// The rows of `bars`, with the names of the users and customers they refer to (read once for all).
    static func rows(_ bars: [DialBar], request: Request) async throws -> [DialBarRow] {
        guard !bars.isEmpty, let signedIn = request.signedIn else { return [] }
        let scope = try request.tenantScope()
        let users = try await scope.query(User.self).all()
        let userNames = Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.name) } })
        let customerIDs = Array(Set(bars.compactMap(\.customerID)))
        let customers =
            customerIDs.isEmpty
            ? [] : try await scope.query(Customer.self).withDeleted().filter(\.$id ~~ customerIDs).all()
        let customerNames = Dictionary(
            uniqueKeysWithValues: customers.compactMap { customer in
                customer.id.map { ($0, customer.company.isEmpty ? customer.contactName : customer.company) }
            })
        let callIDs = Array(Set(bars.compactMap(\.callAttemptID)))
        let calls = callIDs.isEmpty ? [] : try await scope.query(CallAttempt.self).filter(\.$id ~~ callIDs).all()
        let callTimes = Dictionary(
            uniqueKeysWithValues: calls.compactMap { call in call.id.map { ($0, call.startedAt) } })
        let calendar = TenantCalendar(identifier: signedIn.settings.timeZoneIdentifier)
        let language = request.language
        return bars.map { bar in
            DialBarRow(
                id: bar.id?.uuidString ?? "", number: bar.number.map(PhoneNumber.nationalDisplay(of:)) ?? "",
                source: bar.source.label.text(in: language), isRefusal: bar.source == .refusal,
                customerID: bar.customerID?.uuidString, customerName: bar.customerID.flatMap { customerNames[$0] },
                note: bar.note, createdAt: calendar.manualDateTime(bar.createdAt),
                createdBy: bar.createdBy.flatMap { userNames[$0] } ?? "",
                call: bar.callAttemptID.flatMap { callTimes[$0] }.map(calendar.manualDateTime),
                lifted: bar.liftedAt != nil, liftedAt: bar.liftedAt.map(calendar.manualDateTime),
                liftedBy: bar.liftedBy.flatMap { userNames[$0] }, liftReason: bar.liftReason)
        }
    }
}
