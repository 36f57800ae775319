import Foundation

/// One row of the phone screen (an entry of the agent's work list).
public struct AgentDeskRow: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = UUID

    public var id: ID
    public var customerID: UUID?
    public var company: String
    /// 担当者名; empty shows as 「担当者不明」.
    public var contactName: String
    /// 電話番号 as entered.
    public var phone: String
    /// The number to dial (E.164).
    public var dialNumber: String
    /// 済
    public var done: Bool
    /// 結果; rows may arrive with an earlier result, which the next call overwrites.
    public var result: CallResult?
    /// 見込み
    public var prospect: Bool
    /// 再架電
    public var callback: Bool
    /// 対応メモ
    public var memo: String
    /// 架電日時: when this row was last dialled.
    public var calledAt: Date?
    /// The last time anyone in the tenant dialled this number, for the double-dial guard.
    public var lastDialedAnywhereAt: Date?
    /// Why the server held back this row's last dial: skipped like a row with 済 until the agent presses 開始 or
    /// 発信 again (a later pass, manual §3-4). Never stored; the server decides again at the next dial.
    public var hold: DialRefusal?

    public init(
        id: ID, customerID: UUID? = nil, company: String, contactName: String = "", phone: String,
        dialNumber: String, done: Bool = false, result: CallResult? = nil, prospect: Bool = false,
        callback: Bool = false, memo: String = "", calledAt: Date? = nil, lastDialedAnywhereAt: Date? = nil,
        hold: DialRefusal? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.company = company
        self.contactName = contactName
        self.phone = phone
        self.dialNumber = dialNumber
        self.done = done
        self.result = result
        self.prospect = prospect
        self.callback = callback
        self.memo = memo
        self.calledAt = calledAt
        self.lastDialedAnywhereAt = lastDialedAnywhereAt
        self.hold = hold
    }

    /// The walk dials this row: no 済 and nothing holding it back.
    var isWalkTarget: Bool { !done && hold == nil }

    /// The final status this row reports on upload.
    public var finalStatus: FinalStatus {
        FinalStatus.reported(result: result, prospect: prospect, callback: callback)
    }

    /// The latest dial of this number that the desk knows of.
    var lastDialedAt: Date? {
        switch (calledAt, lastDialedAnywhereAt) {
        case (let a?, let b?): max(a, b)
        case (let a?, nil): a
        case (nil, let b?): b
        case (nil, nil): nil
        }
    }

    public static let memoMaximumLength = 1000
    public static let contactNameMaximumLength = 100
}
