/// A tenant's rules for timed callbacks, kept on `TenantSettings` and edited on 設定.
public struct CallbackSettings: Sendable, Hashable {
    /// Minutes a callback stays its owner's alone after it is due; then every agent may take it. 0 opens it the
    /// moment it is due.
    public var openToEveryoneAfterMinutes: Int
    /// 期限の来た再架電を次に発信: a due callback is the next automatic dial, ahead of ▶'s next row. Off, the agent
    /// dials it with a click and the walk is never interrupted.
    public var dueCallbacksDialNext: Bool

    public init(openToEveryoneAfterMinutes: Int = 30, dueCallbacksDialNext: Bool = false) {
        self.openToEveryoneAfterMinutes = openToEveryoneAfterMinutes
        self.dueCallbacksDialNext = dueCallbacksDialNext
    }

    /// What 設定 accepts for `openToEveryoneAfterMinutes`: up to a day.
    public static let openToEveryoneAfterMinutesRange = 0...(24 * 60)
}

extension TenantSettings {
    /// The callback rules, numbers in range.
    public var callbackSettings: CallbackSettings {
        let settings = clamped
        return CallbackSettings(
            openToEveryoneAfterMinutes: settings.callbacksOpenToEveryoneAfterMinutes,
            dueCallbacksDialNext: settings.dueCallbacksDialNext)
    }
}
