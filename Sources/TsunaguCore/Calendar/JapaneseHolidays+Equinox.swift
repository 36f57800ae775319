import Foundation

extension JapaneseHolidays {
    /// The law names 「春分日」 and 「秋分日」, which the National Astronomical Observatory announces each February for
    /// the next year. Further ahead the dates come from the usual approximation of the equinoxes for 1980–2099,
    /// `floor(20.8431 + 0.242194 × (y − 1980) − floor((y − 1980) / 4))` for March, and the same with 23.2488 for
    /// September; it agrees with every date the Cabinet Office has published since 2000.
    ///
    /// The sums are done in millionths as integers: in 2088 the vernal value is 20.000052, close enough to a whole
    /// day that floating point is not worth trusting.
    static func vernalEquinoxDay(in year: Int) -> Int {
        equinoxDay(base: 20_843_100, year: year)
    }

    /// 秋分日: see `vernalEquinoxDay(in:)`.
    static func autumnalEquinoxDay(in year: Int) -> Int {
        equinoxDay(base: 23_248_800, year: year)
    }

    /// `base` is the equinox's day of the month in 1980, in millionths of a day; the tropical year is 365.242194
    /// days, so each year it moves 0.242194 days later, and each leap day pulls it back one.
    private static func equinoxDay(base: Int, year: Int) -> Int {
        precondition(supportedYears.contains(year), "callers stay in supportedYears")
        let elapsed = year - 1980
        return (base + 242_194 * elapsed - 1_000_000 * (elapsed / 4)) / 1_000_000
    }
}
