/// A day of the year without the year: 12/29. Yearly closed days are month-days; 2/29 is allowed and simply does not
/// occur in other years.
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    /// A day some year has (2/29 included), or nil (2/30, 13/1).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: 2000) else { return nil }
        self.month = month
        self.day = day
    }

    /// The month and day of `date`.
    public init(_ date: CivilDate) {
        month = date.month
        day = date.day
    }

    /// `12/29`.
    public var description: String { "\(month)/\(day)" }

    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }
}
