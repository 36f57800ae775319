/// Why a calling window's setting cannot be taken as typed; each one tells the person what to write instead.
public enum CallingWindowProblem: Error, Sendable, Hashable, UserExplainable {
    /// Not a time of day (25:00, 9:60, abc).
    case invalidTime(String)
    /// Not two times joined by a dash (`9:00`, `9:00-12:00-13:00`).
    case invalidRange(String)
    /// A range that ends at or before its start: ranges never cross midnight.
    case endNotAfterStart(from: TimeOfDay, to: TimeOfDay)
    /// Not a month/day or a date, or a range of them (2/30, 12/29-2026/1/3).
    case invalidClosedDay(String)
    /// Dated closed days whose last day comes before the first.
    case closedDaysReversed(String)

    public var explanation: LocalizedText {
        switch self {
        case .invalidTime(let text): Message.callingWindowInvalidTime(text: text).text
        case .invalidRange(let text): Message.callingWindowInvalidRange(text: text).text
        case .endNotAfterStart: Label.callingWindowEndNotAfterStart.text
        case .invalidClosedDay(let text): Message.callingWindowInvalidClosedDay(text: text).text
        case .closedDaysReversed: Label.callingWindowClosedDaysReversed.text
        }
    }
}
