/// A customer read from a file or a form, checked and ready to store.
public struct CustomerDraft: Sendable, Equatable {
    public var kind: CustomerKind?
    public var industry: String
    public var company: String
    public var companyKana: String
    public var contactName: String
    public var phone: PhoneNumber
    public var prefecture: String
    public var address: String
    public var email: String
    public var note: String

    public init(
        kind: CustomerKind? = nil, industry: String = "", company: String = "", companyKana: String = "",
        contactName: String = "", phone: PhoneNumber, prefecture: String = "", address: String = "",
        email: String = "", note: String = ""
    ) {
        self.kind = kind
        self.industry = industry
        self.company = company
        self.companyKana = companyKana
        self.contactName = contactName
        self.phone = phone
        self.prefecture = prefecture
        self.address = address
        self.email = email
        self.note = note
    }

    /// 「担当者不明」 on the phone screen when no contact name is known.
    public static let unknownContactLabel = Label.customersUnknownContact.text
}
