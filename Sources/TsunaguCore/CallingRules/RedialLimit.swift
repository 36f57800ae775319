import Foundation

/// 端末設備等規則 第32条の3: "自動再発信を行う場合(自動再発信の回数が15回以内の場合を除く。)にあつては、その回数は最初の
/// 発信から3分間に2回以内であること". Tsunagu is stricter than the rule, whatever the count: an automatic dial of a
/// number already dialled twice (by anyone in the tenant, any kind of dial) in the preceding 180 seconds is held back.
/// Manual dials are never held back, but they count.
public enum RedialLimit {
    /// The window the rule counts dials in.
    public static let window: TimeInterval = 180
    /// Dials of one number allowed within the window.
    public static let maximumDials = 2

    /// The earliest start of a dial that still counts at `now`: dials started after it are "in the preceding 180 s".
    public static func windowStart(before now: Date) -> Date { now.addingTimeInterval(-window) }

    /// Whether an automatic dial of a number may go out at `now`, given when that number was dialled before.
    /// A dial exactly 180 s ago no longer counts.
    public static func allowsAutomaticDial(previousDials: some Sequence<Date>, now: Date) -> Bool {
        let start = windowStart(before: now)
        return previousDials.lazy.filter { $0 > start && $0 <= now }.count < maximumDials
    }
}
