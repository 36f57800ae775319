/// What an outgoing call asks its driver to do.
public enum OutboundCallAction: Sendable, Hashable {
    /// Send an INVITE in a new client INVITE transaction.
    case startInvite(SIPRequest)
    /// Send a CANCEL or an in-dialog request in a new client non-INVITE transaction.
    case startRequest(SIPRequest)
    /// Send the ACK for a 2xx straight to the transport (it has no transaction of its own).
    case sendAck(SIPRequest)
    /// Answer a request the peer sent in this call (a BYE, an OPTIONS).
    case respond(SIPResponse)
    case startRingTimer(Duration)
    case cancelRingTimer
    case report(OutboundCallProgress)
    /// Nothing more will happen: forget the call.
    case finished
}

/// What the telephony layer hears about the call, in order, `.ended` once.
public enum OutboundCallProgress: Sendable, Hashable {
    case ringing
    /// A provisional response carried SDP (183 Session Progress): ringback or an announcement to play.
    case earlyMedia(sdp: [UInt8])
    case answered(sdp: [UInt8])
    case ended(OutboundCallEnding)
}

public struct OutboundCallEnding: Sendable, Hashable {
    public enum Cause: Sendable, Hashable {
        /// After answer: we sent BYE, or the peer did.
        case localHangUp, remoteHangUp
        /// Before answer: we gave up ringing, or the agent hung up (CANCEL).
        case ringTimeout, cancelled
        /// The INVITE got a final failure response (`statusCode`).
        case refused
        /// The trunk kept challenging: wrong credentials.
        case authenticationFailed
        /// No response at all before Timer B, or the transport could not send.
        case noResponse, transportFailed
    }

    public var cause: Cause
    public var wasAnswered: Bool
    /// The INVITE's final status code when one came (200, 486, 487, …).
    public var statusCode: Int?

    public init(cause: Cause, wasAnswered: Bool, statusCode: Int?) {
        self.cause = cause
        self.wasAnswered = wasAnswered
        self.statusCode = statusCode
    }
}
