import Foundation

/// An hour of the tenant's day (`2026-12-07`, 14): what the report roll-ups sum by. Calls count in the hour they
/// were placed; time in a state is split over the hours it covers.
public struct HourBucket: Sendable, Hashable, Comparable {
    /// yyyy-MM-dd in the tenant's time zone.
    public var day: String
    /// 0…23 in the tenant's time zone.
    public var hour: Int

    public init(day: String, hour: Int) {
        self.day = day
        self.hour = hour
    }

    public static func < (left: HourBucket, right: HourBucket) -> Bool {
        (left.day, left.hour) < (right.day, right.hour)
    }

    /// The hour `date` falls in, in `zone`.
    public static func of(_ date: Date, in zone: TimeZone) -> HourBucket {
        let parts = calendar(zone).dateComponents([.year, .month, .day, .hour], from: date)
        return HourBucket(
            day: String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!), hour: parts.hour!)
    }

    /// `from..<to` cut at every hour boundary of `zone`, with the seconds that fall in each hour.
    public static func split(from: Date, to: Date, in zone: TimeZone) -> [(bucket: HourBucket, seconds: Double)] {
        guard to > from else { return [] }
        let calendar = calendar(zone)
        var parts: [(HourBucket, Double)] = []
        var start = from
        while start < to {
            let hourStart = calendar.dateInterval(of: .hour, for: start)!
            let end = min(to, hourStart.end)
            parts.append((of(start, in: zone), end.timeIntervalSince(start)))
            start = end
        }
        return parts
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
