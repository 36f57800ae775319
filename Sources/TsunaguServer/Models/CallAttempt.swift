import FluentKit
import Foundation
import TsunaguCore

/// 通話一覧: every dial, from a list row or the dial pad.
package final class CallAttempt: Model, TenantOwned, @unchecked Sendable {
    package static let schema = "call_attempts"
    package static var tenantIDField: KeyPath<CallAttempt, FieldProperty<CallAttempt, UUID>> { \.$tenantID }

    @ID(key: .id) package var id: UUID?
    @Field(key: "tenant_id") package var tenantID: UUID
    @OptionalField(key: "user_id") var userID: UUID?
    /// 内線番号 at the time of the call.
    @Field(key: "extension") var phoneExtension: String
    @OptionalField(key: "call_list_id") var callListID: UUID?
    @OptionalField(key: "customer_id") var customerID: UUID?
    @OptionalField(key: "work_row_id") var workRowID: UUID?
    @Field(key: "number") var number: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "ended_at") package var endedAt: Date?
    @OptionalField(key: "result") package var result: CallResult?
    /// The SIP final response code, for calls through a trunk.
    @OptionalField(key: "sip_status") var sipStatus: Int?
    @Field(key: "memo") var memo: String
    @Field(key: "prospect") var prospect: Bool
    @Field(key: "callback") var callback: Bool
    /// The instance that placed the call: when it dies, the call is closed as interrupted (`DeadInstanceSweep`).
    @OptionalField(key: "instance_id") var instanceID: UUID?

    package init() {}

    init(
        id: UUID? = nil, tenantID: UUID, userID: UUID?, phoneExtension: String, callListID: UUID?, customerID: UUID?,
        workRowID: UUID?, number: String, startedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.userID = userID
        self.phoneExtension = phoneExtension
        self.callListID = callListID
        self.customerID = customerID
        self.workRowID = workRowID
        self.number = number
        self.startedAt = startedAt
        self.memo = ""
        self.prospect = false
        self.callback = false
    }
}
