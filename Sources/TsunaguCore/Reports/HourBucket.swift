import Foundation

/// An hour of the tenant's day (`2026-12-07`, 14): what the report roll-ups sum by. Calls count in the hour they
/// were placed; time in a state is split over the hours it covers.
///
/// Computed from the zone's offset with integer arithmetic rather than `Calendar`: the writer buckets every call of
/// every commit batch, and a `Calendar` per call made the phone screens' commits many times slower.
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
        let local = localSeconds(date, zone)
        let days = Int((local / 86_400).rounded(.down))
        let hour = Int(((local - Double(days) * 86_400) / 3_600).rounded(.down))
        let (year, month, day) = ReportPeriod.civil(days)
        return HourBucket(day: String(format: "%04d-%02d-%02d", year, month, day), hour: min(23, max(0, hour)))
    }

    /// `from..<to` cut at every hour boundary of `zone`, with the seconds that fall in each hour.
    public static func split(from: Date, to: Date, in zone: TimeZone) -> [(bucket: HourBucket, seconds: Double)] {
        guard to > from else { return [] }
        var parts: [(HourBucket, Double)] = []
        var start = from
        while start < to {
            // The next local hour boundary, as an instant (the offset is read again at each step, for DST).
            let offset = Double(zone.secondsFromGMT(for: start))
            let local = start.timeIntervalSince1970 + offset
            let nextLocalHour = ((local / 3_600).rounded(.down) + 1) * 3_600
            let boundary = Date(timeIntervalSince1970: nextLocalHour - offset)
            let end = min(to, boundary > start ? boundary : start.addingTimeInterval(3_600))
            parts.append((of(start, in: zone), end.timeIntervalSince(start)))
            start = end
        }
        return parts
    }

    private static func localSeconds(_ date: Date, _ zone: TimeZone) -> Double {
        date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
    }
}
