import NIOCore

extension SIPUserAgent {
    /// The agent's call operations for code already running on its event loop, after NIO's `syncOperations`: a
    /// dialer driven by `report` places and ends calls in line, with no hop through the loop's task queue and no
    /// other thread woken. Called from inside a `report`, an operation runs as soon as that report's event is done,
    /// so a hang-up on `.answered` still follows the ACK.
    public struct SyncOperations {
        fileprivate let agent: SIPUserAgent

        /// Places a call; see `SIPUserAgent.placeCall`.
        @discardableResult
        public func placeCall(
            _ parameters: OutboundCallParameters, via peer: SIPUserAgent.Peer, callID: String? = nil,
            report: @escaping @Sendable (OutboundCallProgress) -> Void
        ) throws -> String {
            agent.eventLoop.preconditionInEventLoop()
            let call = OutboundCall(parameters: parameters, callID: callID, identifiers: agent.identifiers)
            agent.core.value.run(.place(call, try agent.destination(for: peer), report))
            return call.callID
        }

        /// Hangs up (CANCEL while ringing, BYE after the answer); see `SIPUserAgent.hangUp`.
        public func hangUp(callID: String) {
            agent.eventLoop.preconditionInEventLoop()
            agent.core.value.run(.hangUp(callID))
        }
    }

    /// Only for use on `eventLoop`; each operation checks it.
    public var syncOperations: SyncOperations { SyncOperations(agent: self) }
}
