import Foundation

/// A day off under Japanese law: 2026-09-22, 国民の休日. The server refuses to dial on these days unless a tenant says
/// otherwise, so each one carries the law's own name for the screens and the reason it is a day off.
public struct JapaneseHoliday: Sendable, Hashable, Codable {
    /// Why a day is off, after Article 2 and Article 3 of 国民の祝日に関する法律.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// 国民の祝日 (Article 2), and the two days of 2019 that a special law deemed to be ones.
        case national
        /// 振替休日 (Article 3 ¶2): the day off owed for a 国民の祝日 that fell on a Sunday.
        case substitute
        /// 国民の休日 (Article 3 ¶3): an ordinary day squeezed between two 国民の祝日.
        case citizens
    }

    public var date: CivilDate
    /// The law's Japanese name: 「海の日」, 「振替休日」, 「国民の休日」.
    public var name: String
    public var kind: Kind

    public init(date: CivilDate, name: String, kind: Kind) {
        self.date = date
        self.name = name
        self.kind = kind
    }
}
