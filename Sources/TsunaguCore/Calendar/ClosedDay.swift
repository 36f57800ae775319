/// Days on which nobody is called, whatever the weekly schedule says: the year-end break every year, or a company
/// holiday on particular dates. Both ends are included.
public enum ClosedDay: Sendable, Hashable {
    /// The same days every year. When `through` comes before `from` in the year the range wraps over the new year:
    /// 12/29–1/3 closes 12/29, 12/30, 12/31, 1/1, 1/2 and 1/3.
    case yearly(from: MonthDay, through: MonthDay)
    /// Particular dates; a range whose `through` is before its `from` closes nothing (`parse` refuses one).
    case dated(from: CivilDate, through: CivilDate)

    public func contains(_ date: CivilDate) -> Bool {
        switch self {
        case .yearly(let from, let through):
            let day = MonthDay(date)
            return from <= through ? from <= day && day <= through : from <= day || day <= through
        case .dated(let from, let through):
            return from <= date && date <= through
        }
    }
}
