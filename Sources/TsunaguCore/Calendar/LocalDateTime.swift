import Foundation

/// What a wall clock in some time zone shows, to the minute: 2025-12-08 9:00. The calling window is written in wall
/// time; these conversions turn it into instants and back with the zone's offsets alone, so that a day with a
/// daylight-saving change is handled the same way on every platform.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CivilDate
    /// 0:00 to 24:00; 24:00 is the next day's midnight.
    public var time: TimeOfDay

    public init(date: CivilDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// What the clock shows at `instant` in `timeZone`, seconds dropped.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let wall = Self.wallSeconds(at: Self.seconds(instant), in: timeZone)
        let (days, second) = wall.quotientAndRemainder(dividingBy: Self.secondsPerDay)
        let dayNumber = second < 0 ? days - 1 : days
        let secondOfDay = second < 0 ? second + Self.secondsPerDay : second
        date = CivilDate(dayNumber: dayNumber)
        time = TimeOfDay(minutes: secondOfDay / 60)!
    }

    /// `2025-12-08 9:00`.
    public var description: String { "\(date) \(time)" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    /// The first instant at which the clock in `timeZone` shows this time or later. Usually the one instant it shows
    /// it; when the clock is turned back over it (it shows 1:30 twice), the first of the two; when the clock is
    /// turned forward over it (2:30 does not exist on the spring-forward day in New York), the instant of the jump
    /// (3:00), since that is when the clock first shows a later time.
    public func firstInstant(in timeZone: TimeZone) -> Date {
        let wall = date.dayNumber * Self.secondsPerDay + time.minutes * 60
        // The true instant is within a day of `wall` read as UTC; the offsets a day either side cover any change.
        let offsets = Set([-1, 0, 1].map { Self.offset(at: wall + $0 * Self.secondsPerDay, in: timeZone) })
        let candidates = offsets.map { wall - $0 }.sorted()
        if let exact = candidates.first(where: { Self.wallSeconds(at: $0, in: timeZone) == wall }) {
            return Date(timeIntervalSince1970: TimeInterval(exact))
        }
        // A gap: the clock shows an earlier time at the first candidate and a later one at the last.
        var before = candidates.first!
        var after = candidates.last!
        while after - before > 1 {
            let middle = before + (after - before) / 2
            if Self.wallSeconds(at: middle, in: timeZone) >= wall { after = middle } else { before = middle }
        }
        return Date(timeIntervalSince1970: TimeInterval(after))
    }

    static let secondsPerDay = 86_400

    /// Whole seconds since 1970, rounded down.
    static func seconds(_ instant: Date) -> Int { Int(instant.timeIntervalSince1970.rounded(.down)) }

    private static func offset(at seconds: Int, in timeZone: TimeZone) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The clock's reading at an instant, as seconds since 1970-01-01 0:00 on that clock.
    private static func wallSeconds(at seconds: Int, in timeZone: TimeZone) -> Int {
        seconds + offset(at: seconds, in: timeZone)
    }
}
