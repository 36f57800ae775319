import Foundation

/// A reading of a wall clock to the minute: 9:00, 20:30. Calling hours are set in whole minutes. 24:00 exists only
/// as the end of a range that runs to midnight (18:00–24:00), so that no range has to cross into the next day.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes since midnight: 0 (0:00) to 1440 (24:00, the end of the day).
    public let minutes: Int

    public static let midnight = TimeOfDay(checkedMinutes: 0)
    /// 24:00: the end of a range that runs to midnight.
    public static let endOfDay = TimeOfDay(checkedMinutes: 24 * 60)

    /// 0 to 1440 minutes since midnight, or nil.
    public init?(minutes: Int) {
        guard (0...Self.endOfDay.minutes).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// 0:00 to 23:59, or 24:00; nil for anything else (25:00, 9:60, 24:30).
    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour) && (0...59).contains(minute) || hour == 24 && minute == 0 else { return nil }
        self.minutes = hour * 60 + minute
    }

    private init(checkedMinutes: Int) { minutes = checkedMinutes }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// 9:00, as the screens show a time.
    public var description: String { "\(hour):\(minute < 10 ? "0" : "")\(minute)" }

    /// 09:00, as stored.
    public var zeroPadded: String { (hour < 10 ? "0" : "") + description }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    /// A time as people type it: `9:00`, `09:00`, `20:30`, `24:00`, also with full-width digits and colon (`９：００`).
    /// The minutes always have two digits, so `9:5` is refused rather than guessed.
    public static func parse(_ text: String) -> Result<TimeOfDay, CallingWindowProblem> {
        let typed = text.trimmingWhitespace()
        let parts = typed.foldingFullWidthASCII.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let hour = Int(parts[0]),
            let minute = Int(parts[1]),
            let time = TimeOfDay(hour: hour, minute: minute)
        else { return .failure(.invalidTime(typed)) }
        return .success(time)
    }

    /// Stored as `09:00`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(zeroPadded)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Self.parse(text).get()
    }
}

extension String {
    /// Full-width ASCII (digits, colon, slash, hyphen, tilde) as ASCII: what a Japanese keyboard in full-width mode
    /// types into a time or date field (`９：００`, `１２／２９`).
    var foldingFullWidthASCII: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.map { scalar in
                    (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
                }))
    }
}
