import TsunaguCore

/// What a telephony provider reports about a call it placed.
public enum CallProgress: Sendable, Hashable {
    case ringing
    case answered
    case ended(CallEnding)
}

/// A provider that places calls: the embedded simulated carrier, or the SIP trunk.
///
/// Outcomes come from the network's signalling, never from the browser. A provider reports each call's progress
/// to the sink it was given, tagged with the desk's own `CallID`.
public protocol Telephony: Sendable {
    /// Starts a call to an E.164 number. Progress arrives through `report` until `.ended`.
    func placeCall(
        _ call: CallID, to number: String, report: @escaping @Sendable (CallID, CallProgress) -> Void
    ) async

    /// Ends the call: CANCEL while it rings, BYE after answer. An `.ended` report follows.
    func hangUp(_ call: CallID) async

    /// Whether calls can be placed now (the phone screen's lamp), with the reason when not.
    func readiness() async -> TelephonyReadiness
}

public struct TelephonyReadiness: Sendable, Hashable {
    public var isReady: Bool
    public var reason: LocalizedText?

    public init(isReady: Bool, reason: LocalizedText? = nil) {
        self.isReady = isReady
        self.reason = reason
    }

    public static let ready = TelephonyReadiness(isReady: true)
}
