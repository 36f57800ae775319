import Foundation

/// A timed callback (日時指定の再架電): an agent's promise to call a customer again at a date and time, with a note.
/// It lives in its own section above the phone screen's list, outside the 500 rows and across アップロード. It is its
/// agent's own until it has been due for a while, then open to every agent of the tenant (`Callback+Ownership.swift`).
public struct Callback: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// The customer it is for; nil when the number was not a customer's (the dial pad).
    public var customerID: UUID?
    /// The number to dial, in E.164 (`+81312345678`).
    public var number: String
    /// 電話番号 as entered on the customer's row (`03-1234-5678`); empty shows the national form of `number`.
    public var phone: String
    public var company: String
    public var contactName: String
    /// The call list the customer's row came from, whose own calling window narrows the tenant's; nil for none.
    public var callListID: UUID?
    /// The agent who set it, or the one a manager handed it to.
    public var ownerID: UUID
    public var dueAt: Date
    /// What to say or ask when calling back, at most `CallbackRequest.noteMaximumLength` characters.
    public var note: String
    public var createdAt: Date
    public var state: State

    /// Where a callback is in its life. There is no separate "done": an agent takes a callback in the transaction
    /// that records its dial, so a taken callback has been dialled, and how the call went is the call's result in
    /// 通話一覧. Another callback after it is a new one.
    public enum State: Sendable, Hashable, Codable {
        /// Waiting for its time: shown in the section and on 再架電予定.
        case scheduled
        /// Taken and dialled by an agent (the owner, or anyone once it was open to everyone); the first take wins.
        case taken(by: UUID, at: Date)
        /// Withdrawn without a call (a manager removed it, or its number came to be barred). Kept, not deleted, so
        /// what was promised to a customer can still be read.
        case cancelled(at: Date)
    }

    public init(
        id: UUID, customerID: UUID?, number: String, company: String, contactName: String, callListID: UUID?,
        ownerID: UUID, dueAt: Date, note: String, createdAt: Date, state: State = .scheduled, phone: String = ""
    ) {
        self.id = id
        self.customerID = customerID
        self.number = number
        self.phone = phone
        self.company = company
        self.contactName = contactName
        self.callListID = callListID
        self.ownerID = ownerID
        self.dueAt = dueAt
        self.note = note
        self.createdAt = createdAt
        self.state = state
    }

    /// Still waiting to be taken.
    public var isScheduled: Bool { state == .scheduled }
}
