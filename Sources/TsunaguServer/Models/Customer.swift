import FluentKit
import Foundation
import TsunaguCore

/// 顧客: a company or person the team calls.
final class Customer: Model, TenantOwned, @unchecked Sendable {
    static let schema = "customers"
    static var tenantIDField: KeyPath<Customer, FieldProperty<Customer, UUID>> { \.$tenantID }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// 区分
    @OptionalField(key: "kind") var kind: CustomerKind?
    /// 業種
    @Field(key: "industry") var industry: String
    /// 会社名
    @Field(key: "company") var company: String
    /// 会社名フリガナ
    @Field(key: "company_kana") var companyKana: String
    /// 担当者名
    @Field(key: "contact_name") var contactName: String
    @Field(key: "prefecture") var prefecture: String
    @Field(key: "address") var address: String
    /// 電話番号 as entered.
    @Field(key: "phone") var phone: String
    /// 電話番号 in E.164, for matching however it was typed.
    @Field(key: "phone_e164") var phoneE164: String
    @Field(key: "email") var email: String
    /// 顧客備考
    @Field(key: "note") var note: String
    /// (自社)担当者
    @OptionalField(key: "owner_user_id") var ownerUserID: UUID?
    /// 登録日付 (a calendar day in the tenant's time zone, as yyyy-MM-dd).
    @Field(key: "registered_on") var registeredOn: String
    /// 配布済
    @Field(key: "distributed") var distributed: Bool
    /// 最終ステータス
    @Field(key: "final_status") var finalStatus: FinalStatus
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Soft delete: 削除 hides the customer; 削除済みを表示 shows it again.
    @Timestamp(key: "deleted_at", on: .delete) var deletedAt: Date?

    init() {}

    init(id: UUID? = nil, tenantID: UUID, draft: CustomerDraft, registeredOn: String, ownerUserID: UUID? = nil) {
        self.id = id
        self.tenantID = tenantID
        self.registeredOn = registeredOn
        self.ownerUserID = ownerUserID
        self.distributed = false
        self.finalStatus = .notCalled
        apply(draft)
    }

    func apply(_ draft: CustomerDraft) {
        kind = draft.kind
        industry = draft.industry
        company = draft.company
        companyKana = draft.companyKana
        contactName = draft.contactName
        prefecture = draft.prefecture
        address = draft.address
        phone = draft.phone.entered
        phoneE164 = draft.phone.e164
        email = draft.email
        note = draft.note
    }
}
