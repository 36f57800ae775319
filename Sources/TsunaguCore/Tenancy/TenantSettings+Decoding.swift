extension TenantSettings {
    /// Reads stored settings written by any earlier version: a missing or unreadable key keeps its default.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func read<Value: Decodable>(_ key: CodingKeys, into value: inout Value) {
            if let decoded = try? container.decodeIfPresent(Value.self, forKey: key) { value = decoded }
        }
        read(.fetchMode, into: &fetchMode)
        read(.dialingMode, into: &dialingMode)
        read(.autoNextAfter, into: &autoNextAfter)
        read(.doneMarkedOn, into: &doneMarkedOn)
        read(.phoneNumberOpensCustomerEdit, into: &phoneNumberOpensCustomerEdit)
        read(.customerScope, into: &customerScope)
        read(.customerEdit, into: &customerEdit)
        read(.csvExportAndDeleteEnabled, into: &csvExportAndDeleteEnabled)
        read(.idleLogoutMinutes, into: &idleLogoutMinutes)
        read(.workListCap, into: &workListCap)
        read(.ringTimeoutSeconds, into: &ringTimeoutSeconds)
        read(.doubleDialGuardMinutes, into: &doubleDialGuardMinutes)
        read(.timeZoneIdentifier, into: &timeZoneIdentifier)
        read(.callingWindow, into: &callingWindow)
        read(.retryPolicy, into: &retryPolicy)
        read(.callbacksOpenToEveryoneAfterMinutes, into: &callbacksOpenToEveryoneAfterMinutes)
        read(.dueCallbacksDialNext, into: &dueCallbacksDialNext)
        read(.pauseReasons, into: &pauseReasons)
        read(.wrapUpLimitMinutes, into: &wrapUpLimitMinutes)
    }

    enum CodingKeys: String, CodingKey {
        case fetchMode, dialingMode, autoNextAfter, doneMarkedOn, phoneNumberOpensCustomerEdit, customerScope
        case customerEdit, csvExportAndDeleteEnabled, idleLogoutMinutes, workListCap, ringTimeoutSeconds
        case doubleDialGuardMinutes, timeZoneIdentifier
        case callingWindow
        case retryPolicy
        case callbacksOpenToEveryoneAfterMinutes, dueCallbacksDialNext
        case pauseReasons, wrapUpLimitMinutes
    }
}
