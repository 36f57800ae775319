import FluentKit
import Foundation
import TsunaguCore

/// A row on an agent's phone screen, saved the moment it changes so that nothing is ever lost.
package final class AgentWorkRow: Model, TenantOwned, @unchecked Sendable {
    package static let schema = "agent_work_rows"
    package static var tenantIDField: KeyPath<AgentWorkRow, FieldProperty<AgentWorkRow, UUID>> { \.$tenantID }

    @ID(key: .id) package var id: UUID?
    @Field(key: "tenant_id") package var tenantID: UUID
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "entry_id") package var entryID: UUID
    @Field(key: "customer_id") var customerID: UUID
    /// Order on the screen (No = position + 1 among the agent's rows).
    @Field(key: "position") package var position: Int
    @Field(key: "company") var company: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "phone") var phone: String
    @Field(key: "dial_number") var dialNumber: String
    @Field(key: "done") var done: Bool
    @OptionalField(key: "result") var result: CallResult?
    @Field(key: "prospect") var prospect: Bool
    @Field(key: "callback") var callback: Bool
    @Field(key: "memo") package var memo: String
    @OptionalField(key: "called_at") var calledAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    package init() {}

    init(id: UUID? = nil, tenantID: UUID, userID: UUID, entryID: UUID, position: Int, row: AgentDeskRow) {
        self.id = id ?? row.id
        self.tenantID = tenantID
        self.userID = userID
        self.entryID = entryID
        self.customerID = row.customerID ?? UUID()
        self.position = position
        apply(row)
    }

    func apply(_ row: AgentDeskRow) {
        company = row.company
        contactName = row.contactName
        phone = row.phone
        dialNumber = row.dialNumber
        done = row.done
        result = row.result
        prospect = row.prospect
        callback = row.callback
        memo = row.memo
        calledAt = row.calledAt
    }

    var deskRow: AgentDeskRow {
        AgentDeskRow(
            id: id!, customerID: customerID, company: company, contactName: contactName, phone: phone,
            dialNumber: dialNumber, done: done, result: result, prospect: prospect, callback: callback, memo: memo,
            calledAt: calledAt)
    }
}
